package org.tornadojava.spring.boot.autoconfigure;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.support.StaticMessageSource;
import org.tornadojava.http.HttpServer;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** getJsonBody, write(Object) and validate() use the context's JsonMapper and Validator beans. */
class TornadoTypedInputAutoConfigurationTests {
    private final ApplicationContextRunner runner = TestContexts.runner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    ValidationAutoConfiguration.class, TornadoTypedInputAutoConfiguration.class))
            .withBean(StoryHandler.class);

    record Story(@NotBlank(message = "{story.title.required}") String storyTitle) {
    }

    /** Binds, validates and echoes a story. */
    @Handler("/stories")
    static class StoryHandler extends RequestHandler {
        public void post() {
            write(getJsonBody(Story.class, true));
        }
    }

    private static HttpResponse<String> post(org.springframework.context.ApplicationContext context, String json) {
        return TornadoTestClient.of(context.getBean(HttpServer.class)).send("POST", "/stories", "application/json",
                json);
    }

    @Test
    void springJacksonSettingsApplyToTheJsonBodyAndTheResponse() {
        runner.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE").run((context) -> {
            assertThat(context.getBean(Application.class).jsonMapper()).isSameAs(context.getBean(JsonMapper.class));
            HttpResponse<String> response = post(context, "{\"story_title\":\"Hello\"}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"story_title\":\"Hello\"}");
        });
    }

    @Test
    void withoutTheSettingTheSnakeCaseNameDoesNotBind() {
        runner.run((context) -> {
            HttpResponse<String> response = post(context, "{\"story_title\":\"Hello\"}");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(post(context, "{\"storyTitle\":\"Hello\"}").body()).isEqualTo("{\"storyTitle\":\"Hello\"}");
        });
    }

    @Test
    void theContextsValidatorResolvesMessagesFromTheMessageSource() {
        runner.withBean("messageSource", StaticMessageSource.class, () -> {
            StaticMessageSource messages = new StaticMessageSource();
            messages.addMessage("story.title.required", Locale.getDefault(), "a story needs a title");
            return messages;
        }).withPropertyValues("tornado.errors.format=json").run((context) -> {
            HttpResponse<String> response = post(context, "{\"storyTitle\":\" \"}");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"status\":400,\"reason\":\"Bad Request\",\"violations\":"
                    + "[{\"field\":\"storyTitle\",\"message\":\"a story needs a title\"}]}");
        });
    }

    @Test
    void withoutJacksonAndValidationBeansCoresDefaultsStay() {
        TestContexts.runner()
                .withConfiguration(AutoConfigurations.of(TornadoTypedInputAutoConfiguration.class))
                .withBean(StoryHandler.class)
                .run((context) -> {
                    assertThat(context).doesNotHaveBean(JsonMapper.class);
                    assertThat(context.getBean(Application.class).jsonMapper())
                            .isSameAs(Application.builder().build().jsonMapper());
                    assertThat(post(context, "{\"storyTitle\":\" \"}").body())
                            .contains("<li>storyTitle: {story.title.required}</li>");
                });
    }

    @Test
    void withoutBeanValidationOnTheClassPathOnlyTheMapperIsWired() {
        runner.withClassLoader(new FilteredClassLoader(Validator.class)).run((context) -> {
            assertThat(context).hasNotFailed().hasBean("tornadoJsonMapperCustomizer")
                    .doesNotHaveBean("tornadoValidatorCustomizer");
            assertThat(context.getBean(Application.class).jsonMapper()).isSameAs(context.getBean(JsonMapper.class));
        });
    }
}
