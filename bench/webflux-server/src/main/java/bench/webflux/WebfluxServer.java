package bench.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Spring WebFlux baseline for bench/run.sh: {@code GET /plaintext} and {@code GET /json} (TechEmpower's
 * definitions) through a functional router on Reactor Netty; the JSON body is written by Spring's Jackson encoder
 * per request.
 *
 * <p>Usage: {@code java -jar webflux-server.jar [--server.port=P] [--server.address=A]}; the port may also come
 * from env {@code PORT}. Defaults (application.properties): 127.0.0.1:8080, logging at WARN, no banner.
 */
@SpringBootApplication
public class WebfluxServer {

    private static final MediaType TEXT_PLAIN_UTF8 = MediaType.parseMediaType("text/plain; charset=UTF-8");
    private static final String HELLO = "Hello, World!";

    /** The TechEmpower JSON message. */
    public record Message(String message) {
    }

    public static void main(String[] args) {
        SpringApplication.run(WebfluxServer.class, args);
    }

    @Bean
    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/plaintext", request -> ServerResponse.ok().contentType(TEXT_PLAIN_UTF8).bodyValue(HELLO))
                .GET("/json", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(new Message(HELLO)))
                .build();
    }
}
