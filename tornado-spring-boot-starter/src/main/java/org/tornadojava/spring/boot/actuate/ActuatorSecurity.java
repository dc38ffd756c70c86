package org.tornadojava.spring.boot.actuate;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.tornadojava.web.RequestHandler;

/**
 * Who is asking an actuator endpoint: the {@link SecurityContext} (principal and roles) Boot's endpoints consult,
 * e.g. health's {@code show-details: when-authorized} with {@code management.endpoint.health.roles}. Declare one
 * bean; without one every request is anonymous ({@link SecurityContext#NONE}), so {@code when-authorized} shows no
 * details. Typical implementations read a signed cookie ({@link RequestHandler#getSignedCookie(String)}) or a
 * bearer token header of the request.
 */
@FunctionalInterface
public interface ActuatorSecurity {
    /** Every request anonymous: the default. */
    ActuatorSecurity ANONYMOUS = (handler) -> SecurityContext.NONE;

    /**
     * The security context of one actuator request. Called on the request's IOLoop thread before the operation
     * runs: must not block.
     *
     * @param handler the handler serving the request (its request, cookies and signed cookies)
     * @return the context; {@link SecurityContext#NONE} for an anonymous request
     */
    SecurityContext securityContext(RequestHandler handler);
}
