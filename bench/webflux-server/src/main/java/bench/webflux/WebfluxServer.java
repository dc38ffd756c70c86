package bench.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Spring WebFlux baseline for bench/run.sh: {@code GET /plaintext}, {@code GET /json} and {@code GET /fortunes}
 * (TechEmpower's definitions) through a functional router on Reactor Netty; the JSON body is written by Spring's
 * Jackson encoder per request, the fortunes page by Spring Boot's Mustache view ({@code templates/fortunes.mustache})
 * from the same in-memory fortunes as the tornado-java demo.
 *
 * <p>Usage: {@code java -jar webflux-server.jar [--server.port=P] [--server.address=A]}; the port may also come
 * from env {@code PORT}. Defaults (application.properties): 127.0.0.1:8080, logging at WARN, no banner.
 */
@SpringBootApplication
public class WebfluxServer {

    private static final MediaType TEXT_PLAIN_UTF8 = MediaType.parseMediaType("text/plain; charset=UTF-8");
    private static final String HELLO = "Hello, World!";

    private static final MediaType TEXT_HTML_UTF8 = MediaType.parseMediaType("text/html; charset=UTF-8");

    /** The TechEmpower JSON message. */
    public record Message(String message) {
    }

    /** One TechEmpower fortune. */
    public record Fortune(int id, String message) {
    }

    /** TechEmpower's twelve fortunes, the same in-memory table as the tornado-java demo's. */
    private static final List<Fortune> FORTUNES = List.of(
            new Fortune(1, "fortune: No such file or directory"),
            new Fortune(2, "A computer scientist is someone who fixes things that aren't broken."),
            new Fortune(3, "After enough decimal places, nobody gives a damn."),
            new Fortune(4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"),
            new Fortune(5, "A computer program does what you tell it to do, not what you want it to do."),
            new Fortune(6, "Emacs is a nice operating system, but I prefer UNIX. \u2014 Tom Christaensen"),
            new Fortune(7, "Any program that runs right is obsolete."),
            new Fortune(8, "A list is only as strong as its weakest link. \u2014 Donald Knuth"),
            new Fortune(9, "Feature: A bug with seniority."),
            new Fortune(10, "Computers make very fast, very accurate mistakes."),
            new Fortune(11, "<script>alert(\"This should not be displayed in a browser alert box.\");</script>"),
            new Fortune(12, "\u30d5\u30ec\u30fc\u30e0\u30ef\u30fc\u30af\u306e\u30d9\u30f3\u30c1\u30de\u30fc\u30af"));
    private static final Fortune ADDED = new Fortune(0, "Additional fortune added at request time.");

    public static void main(String[] args) {
        SpringApplication.run(WebfluxServer.class, args);
    }

    @Bean
    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/plaintext", request -> ServerResponse.ok().contentType(TEXT_PLAIN_UTF8).bodyValue(HELLO))
                .GET("/json", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(new Message(HELLO)))
                .GET("/fortunes", request -> ServerResponse.ok().contentType(TEXT_HTML_UTF8)
                        .render("fortunes", Map.of("fortunes", fortunes())))
                .build();
    }

    /** The twelve fortunes plus one added at request time, sorted by message. */
    private static List<Fortune> fortunes() {
        List<Fortune> fortunes = new ArrayList<>(FORTUNES.size() + 1);
        fortunes.addAll(FORTUNES);
        fortunes.add(ADDED);
        fortunes.sort(Comparator.comparing(Fortune::message));
        return fortunes;
    }
}
