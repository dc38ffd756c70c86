package org.tornadojava.template;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.tornadojava.httpclient.HttpResponse;
import org.tornadojava.testing.AsyncHttpTestServer;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.web.UrlSpec;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RenderTest {

    /** A page model as a record: its components become template names. */
    record Greeting(String name) {
    }

    static final class RecordPage extends RequestHandler {
        public void get() {
            render("test/page.html", new Greeting(getArgument("name")));
        }
    }

    static final class NamespacePage extends RequestHandler {
        @Override
        protected Object getCurrentUser() {
            return "ann";
        }

        public void get() {
            render("test/namespace.html", null);
        }
    }

    static final class ModulesPage extends RequestHandler {
        public void get() {
            render("test/modules.html", Map.of("entries", List.of("<b>one</b>", "two")));
        }
    }

    static final class NamedTemplatePage extends RequestHandler {
        public void get(String name) {
            render("test/" + name, Map.of("name", "x"));
        }
    }

    static final class StringPage extends RequestHandler {
        public void get() {
            write("[" + renderString("test/greeting.html", Map.of("name", "Bo")).strip() + "]");
        }
    }

    /** A module that renders a template and declares every kind of resource. */
    static final class EntryModule extends UIModule {
        @Override
        public String render(Object... args) {
            return renderString("test/entry.html", Map.of("entry", args[0]));
        }

        @Override
        public String embeddedCss() {
            return ".entry { color: red }";
        }

        @Override
        public String embeddedJavascript() {
            return "console.log('entry')";
        }

        @Override
        public List<String> cssFiles() {
            return List.of("/css/entry.css", "https://cdn.example/x.css");
        }

        @Override
        public List<String> javascriptFiles() {
            return List.of("/js/entry.js");
        }
    }

    private static Application.Builder app() {
        return Application.builder()
                .route("/record", RecordPage::new)
                .route("/namespace", NamespacePage::new)
                .route("/modules", ModulesPage::new)
                .route("/string", StringPage::new)
                .route("/t/(.+)", NamedTemplatePage::new)
                .route(UrlSpec.of("/story/([0-9]+)", NamedTemplatePage::new).withName("story"))
                .uiModule("Entry", EntryModule::new);
    }

    @Test
    void renderFinishesWithTheTemplateAndARecordModelEscaped() {
        try (AsyncHttpTestServer server = AsyncHttpTestServer.start(app().build())) {
            HttpResponse response = server.fetch("/record?name=%3Cscript%3E");

            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
            assertThat(response.text()).contains("<title>Page of &lt;script&gt;</title>")
                    .contains("<p>Hello, &lt;script&gt;!</p>").doesNotContain("<script>");
        }
    }

    @Test
    void renderStringReturnsTheTextWithoutFinishing() {
        try (AsyncHttpTestServer server = AsyncHttpTestServer.start(app().build())) {
            assertThat(server.fetch("/string").text()).isEqualTo("[<p>Hello, Bo!</p>]");
        }
    }

    @Test
    void theNamespaceHoldsTornadosNames() {
        try (AsyncHttpTestServer server = AsyncHttpTestServer.start(app().build())) {
            HttpResponse response = server.fetch("/namespace");

            assertThat(response.text()).startsWith("user=ann;locale=en_US;method=GET;story=/story/42;hi=Hello;")
                    .contains("<input type=\"hidden\" name=\"_xsrf\" value=\"2|");
            assertThat(response.header("Set-Cookie")).startsWith("_xsrf=");
        }
    }

    @Test
    void moduleResourcesAreGatheredIntoHeadAndBeforeBodyEndOnce() {
        try (AsyncHttpTestServer server = AsyncHttpTestServer.start(app().build())) {
            String html = server.fetch("/modules").text();

            assertThat(html).contains("<div class=\"entry\">&lt;b&gt;one&lt;/b&gt;</div>")
                    .contains("<div class=\"entry\">two</div>");
            assertThat(html).contains("<link href=\"/css/entry.css\" type=\"text/css\" rel=\"stylesheet\"/>"
                    + "<link href=\"https://cdn.example/x.css\" type=\"text/css\" rel=\"stylesheet\"/>"
                    + "<style type=\"text/css\">\n.entry { color: red }\n</style>\n</head>");
            assertThat(html).contains("<script src=\"/js/entry.js\" type=\"text/javascript\"></script>"
                    + "<script type=\"text/javascript\">\n//<![CDATA[\nconsole.log('entry')\n//]]>\n</script>\n"
                    + "</body>");
            assertThat(html.split("entry.css", -1)).hasSize(2);
            assertThat(html.split("console.log", -1)).hasSize(2);
        }
    }

    @Test
    void aMissingTemplateAnswers500WithOneErrorLineNamingIt() {
        try (AsyncHttpTestServer server = AsyncHttpTestServer.start(app().build());
             LogCapture logs = LogCapture.of("tornado.application")) {
            HttpResponse response = server.fetch("/t/absent.html");

            assertThat(response.code()).isEqualTo(500);
            assertThat(response.text()).doesNotContain("absent.html");
            List<String> errors = logs.messagesAtLeast(Level.ERROR);
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).contains("test/absent.html").contains("GET /t/absent.html");
        }
    }

    @Test
    void aBrokenTemplateLogsItsNameAndLineAndShowsThemInTheDebugPage() {
        try (AsyncHttpTestServer server = AsyncHttpTestServer.start(app().debug(true).build());
             LogCapture logs = LogCapture.of("tornado.application")) {
            HttpResponse response = server.fetch("/t/broken.html");

            assertThat(response.code()).isEqualTo(500);
            assertThat(response.text()).contains("test/broken.html line 3");
            assertThat(logs.messagesAtLeast(Level.ERROR)).singleElement().asString()
                    .contains("test/broken.html line 3");
        }
    }
}
