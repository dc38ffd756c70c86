package org.tornadojava.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PebbleTemplateEngineTest {
    private final TemplateEngine engine = PebbleTemplateEngine.builder().build();

    @Test
    void expressionOutputIsHtmlEscapedByDefault() {
        String html = engine.render("test/greeting.html", Map.of("name", "<script>alert(1)</script>"));

        assertThat(html).contains("Hello, &lt;script&gt;alert(1)&lt;/script&gt;!").doesNotContain("<script>");
    }

    @Test
    void autoescapeCanBeTurnedOff() {
        TemplateEngine raw = PebbleTemplateEngine.builder().autoescape(false).build();

        assertThat(raw.render("test/greeting.html", Map.of("name", "<b>x</b>"))).contains("Hello, <b>x</b>!");
    }

    @Test
    void childTemplateFillsTheBlocksOfItsBaseAndIncludesAnother() {
        String html = engine.render("test/page.html", Map.of("name", "Ann"));

        assertThat(html).contains("<title>Page of Ann</title>").contains("<body><p>Hello, Ann!</p>");
    }

    @Test
    void namespaceFunctionsAreCallableAndRawHtmlIsNotEscaped() {
        Map<String, Object> namespace = Map.of(
                "module", (TemplateFunction) (args) -> new RawHtml("<i>" + args[0] + ":" + args[1] + "</i>"),
                "entries", List.of("a", "b"));

        String html = engine.render("test/modules.html", namespace);

        assertThat(html).contains("<body><i>Entry:a</i><i>Entry:b</i></body>");
    }

    @Test
    void aMissingTemplateIsATemplateExceptionNamingIt() {
        assertThatThrownBy(() -> engine.render("test/nope.html", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("test/nope.html");
    }

    @Test
    void aSyntaxErrorNamesTheTemplateAndTheLine() {
        assertThatThrownBy(() -> engine.render("test/broken.html", Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, (e) -> {
                    assertThat(e.templateName()).contains("test/broken.html");
                    assertThat(e.lineNumber()).isEqualTo(3);
                });
    }

    @Test
    void aFunctionMissingFromTheNamespaceNamesIt() {
        assertThatThrownBy(() -> engine.render("test/modules.html", Map.of("entries", List.of("a"))))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("module")
                .hasMessageContaining("line 2");
    }

    @Test
    void withoutCacheAnEditedFileShowsAtTheNextRender(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("live.html");
        Files.writeString(file, "one {{ n }}");
        TemplateEngine reloading = PebbleTemplateEngine.builder().path(folder.toString()).cache(false).build();
        assertThat(reloading.render("live.html", Map.of("n", 1))).isEqualTo("one 1");

        Files.writeString(file, "two {{ n }}");

        assertThat(reloading.render("live.html", Map.of("n", 1))).isEqualTo("two 1");
    }

    @Test
    void withCacheTheCompiledTemplateIsKept(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("kept.html");
        Files.writeString(file, "one");
        TemplateEngine caching = PebbleTemplateEngine.builder().path(folder.toString()).build();
        assertThat(caching.render("kept.html", Map.of())).isEqualTo("one");

        Files.writeString(file, "two");

        assertThat(caching.render("kept.html", Map.of())).isEqualTo("one");
    }
}
