package org.tornadojava.spring.boot.test;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers the test clients of {@link TornadoTestClientAutoConfiguration} ({@link TornadoTestClient},
 * {@code RestTestClient}, {@code WebTestClient}) aimed at the running Tornado server. Every
 * {@code @SpringBootTest} and {@link TornadoHandlerTest} gets it without asking; put it on other Spring tests that
 * start a Tornado server. The auto-configuration classes are listed in
 * {@code META-INF/spring/org.tornadojava.spring.boot.test.AutoConfigureTornadoTestClient.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureTornadoTestClient {
}
