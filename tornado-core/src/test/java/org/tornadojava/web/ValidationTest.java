package org.tornadojava.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** validate(): Bean Validation constraints; violations listed on the error page in the configured format. */
class ValidationTest {
    private static final String JSON = "Content-Type: application/json\r\n";
    private static final String INVALID = "{\"title\":\" \",\"priority\":9,\"tags\":[{\"name\":\"\"}]}";

    record Tag(@NotBlank(message = "tag name is required") String name) {
    }

    record Story(@NotBlank(message = "title is required") String title,
                 @Max(value = 5, message = "priority is at most 5") int priority,
                 @Size(max = 3, message = "at most 3 tags") List<@Valid Tag> tags) {
    }

    /** Answers 201 with the story when it is valid. */
    static final class StoryHandler extends RequestHandler {
        public void post() {
            Story story = getJsonBody(Story.class, true);
            setStatus(201);
            write(story);
        }
    }

    /** Validates explicitly, after binding. */
    static final class ExplicitHandler extends RequestHandler {
        public void post() {
            write(validate(getJsonBody(Story.class)).title());
        }
    }

    private static Application application(ErrorFormat format) {
        return Application.builder().errorFormat(format)
                .route("/stories", StoryHandler::new)
                .route("/explicit", ExplicitHandler::new)
                .build();
    }

    private static RawResponse post(TestServer server, String path, String body) throws Exception {
        return server.send("POST", path, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void validBodyPasses() throws Exception {
        try (TestServer server = TestServer.start(application(ErrorFormat.HTML))) {
            RawResponse response = post(server, "/stories", "{\"title\":\"Hi\",\"priority\":2,\"tags\":[]}");
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.text()).isEqualTo("{\"title\":\"Hi\",\"priority\":2,\"tags\":[]}");
        }
    }

    @Test
    void violationsAreAListOnTheHtmlErrorPage() throws Exception {
        try (TestServer server = TestServer.start(application(ErrorFormat.HTML))) {
            RawResponse response = post(server, "/stories", INVALID);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.reason()).isEqualTo("Bad Request");
            assertThat(response.text()).isEqualTo("<html><title>400: Bad Request</title><body>400: Bad Request"
                    + "<ul><li>priority: priority is at most 5</li><li>tags[0].name: tag name is required</li>"
                    + "<li>title: title is required</li></ul></body></html>");
        }
    }

    @Test
    void violationsAreAnArrayInTheJsonErrorBody() throws Exception {
        try (TestServer server = TestServer.start(application(ErrorFormat.JSON))) {
            RawResponse response = post(server, "/explicit", INVALID);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            assertThat(response.text()).isEqualTo("{\"status\":400,\"reason\":\"Bad Request\",\"violations\":["
                    + "{\"field\":\"priority\",\"message\":\"priority is at most 5\"},"
                    + "{\"field\":\"tags[0].name\",\"message\":\"tag name is required\"},"
                    + "{\"field\":\"title\",\"message\":\"title is required\"}]}");
        }
    }

    @Test
    void violationTextIsEscapedOnTheHtmlPage() {
        String html = ViolationList.html(new ValidationError(List.of(new Violation("a<b", "x & <y>"))));
        assertThat(html).isEqualTo("<ul><li>a&lt;b: x &amp; &lt;y&gt;</li></ul>");
    }

    @Test
    void messageNamesTheViolationsForDebugPages() {
        ValidationError error = new ValidationError(List.of(new Violation("title", "is required"),
                new Violation("", "story is a duplicate")));
        assertThat(error.getMessage())
                .isEqualTo("HTTP 400: Bad Request (title: is required; story is a duplicate)");
        assertThat(error.logMessage()).isNull();
    }

    @Test
    void theApplicationsValidatorIsUsed() throws Exception {
        Application application = Application.builder()
                .validator(value -> List.of(new Violation("", "refused by the application")))
                .route("/stories", StoryHandler::new)
                .build();
        try (TestServer server = TestServer.start(application)) {
            RawResponse response = post(server, "/stories", "{\"title\":\"Hi\",\"priority\":2,\"tags\":[]}");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text()).contains("<ul><li>refused by the application</li></ul>");
        }
    }
}
