package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.tornadojava.http.HttpServer;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.spring.boot.UiModule;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import org.tornadojava.template.TemplateEngine;
import org.tornadojava.template.UIModule;
import org.tornadojava.web.RequestHandler;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TornadoTemplateAutoConfigurationTests {
    private final ApplicationContextRunner runner = TestContexts.runner()
            .withConfiguration(AutoConfigurations.of(TornadoTemplateAutoConfiguration.class))
            .withBean(GreetingHandler.class).withBean(ShoutModule.class);

    /** Renders {@code greeting.html} for {@code ?name=}. */
    @Handler("/greet")
    static class GreetingHandler extends RequestHandler {
        public void get() {
            render("greeting.html", Map.of("name", getArgument("name")));
        }
    }

    /** A UI module bean: the name in capitals. */
    @UiModule("Shout")
    static class ShoutModule extends UIModule {
        @Override
        public String render(Object... args) {
            return " <b>" + String.valueOf(args[0]).toUpperCase(Locale.ROOT) + "</b>";
        }
    }

    private static String greet(HttpServer server, String acceptLanguage) {
        TornadoTestClient client = TornadoTestClient.of(server);
        URI uri = client.uri("/greet?name=ann");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return client.send(request.GET()).body().strip();
    }

    @Test
    void pebbleRendersClasspathTemplatesWithUiModuleBeans() {
        runner.run((context) -> {
            assertThat(context).hasSingleBean(TemplateEngine.class);
            assertThat(greet(context.getBean(HttpServer.class), null)).isEqualTo("Hello, ann! <b>ANN</b>");
        });
    }

    @Test
    void aTemplateEngineBeanOfTheUserReplacesPebble() {
        TemplateEngine own = (name, namespace) -> "own engine rendered " + name + " for " + namespace.get("name");
        runner.withBean(TemplateEngine.class, () -> own).run((context) -> {
            assertThat(context.getBean(TemplateEngine.class)).isSameAs(own);
            assertThat(greet(context.getBean(HttpServer.class), null))
                    .isEqualTo("own engine rendered greeting.html for ann");
        });
    }

    @Test
    void aConfiguredMessageSourceTranslatesForTheBrowsersLanguage() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("Hello", Locale.FRENCH, "Bonjour");
        runner.withBean("messageSource", MessageSource.class, () -> messages).run((context) -> {
            HttpServer server = context.getBean(HttpServer.class);
            assertThat(greet(server, "fr-FR, en;q=0.5")).startsWith("Bonjour, ann!");
            assertThat(greet(server, "en-US")).startsWith("Hello, ann!");
        });
    }

    @Test
    void withoutAMessageSourceOnlyTheDefaultLocaleIsOffered() {
        runner.run((context) -> assertThat(greet(context.getBean(HttpServer.class), "fr")).startsWith("Hello"));
    }

    @Test
    void tornadoCsvFilesOfTheTranslationsFolderAreUsed(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("es_LA.csv"), "\"Hello\",\"Hola\"\n");
        runner.withPropertyValues("tornado.locale.translations=" + folder).run((context) ->
                assertThat(greet(context.getBean(HttpServer.class), "es-la")).startsWith("Hola, ann!"));
    }

    @Test
    void theDefaultLocaleComesFromTheProperty(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("es.csv"), "\"Hello\",\"Hola\"\n");
        runner.withPropertyValues("tornado.locale.translations=" + folder, "tornado.locale.default=es")
                .run((context) -> assertThat(greet(context.getBean(HttpServer.class), "de")).startsWith("Hola"));
    }

    @Test
    void autoescapeCanBeTurnedOffAndATemplateFolderUsed(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("greeting.html"), "{{ name }}");
        runner.withPropertyValues("tornado.template.path=" + folder, "tornado.template.autoescape=false")
                .run((context) -> {
                    TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
                    assertThat(client.get("/greet?name=%3Cb%3E").body()).isEqualTo("<b>");
                });
    }

    @Test
    void aTemplatePathThatIsNoFolderFailsStartUpNamingTheKey() {
        runner.withPropertyValues("tornado.template.path=/no/such/folder").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("tornado.template.path");
        });
    }
}
