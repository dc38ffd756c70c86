package org.tornadojava.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class VerbMethodCheckTest {

    static class OneArg extends RequestHandler {
        public void get(String id) {
            write(id);
        }
    }

    static final class IntArg extends RequestHandler {
        public void get(int id) {
            write(String.valueOf(id));
        }
    }

    static final class PostTakesTwo extends RequestHandler {
        public void get(String id) {
            write(id);
        }

        public CompletionStage<Void> post(String a, String b) {
            return null;
        }
    }

    static final class Overloads extends RequestHandler {
        public void get() {
            write("none");
        }

        public void get(String a, String b) {
            write(a + b);
        }
    }

    static final class AnyCount extends RequestHandler {
        public void get(String... args) {
            write(String.join(",", args));
        }
    }

    static final class InheritsOneArg extends OneArg {
        public void put(Map<String, String> body) {
            write("never");
        }
    }

    @Test
    void routeWhoseGroupCountNoVerbOverloadTakesFailsTheBuildNamingClassMethodAndRoute() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Application.builder().route("/pair/([^/]+)/(.+)", OneArg::new).build())
                .withMessageContaining(OneArg.class.getName() + ".get(String)")
                .withMessageContaining("/pair/([^/]+)/(.+)")
                .withMessageContaining("2 groups");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Application.builder().route("/story/([0-9]+)", PostTakesTwo::new).build())
                .withMessageContaining(PostTakesTwo.class.getName() + ".post(String, String)")
                .withMessageContaining("/story/([0-9]+)");
    }

    @Test
    void verbMethodWithANonStringParameterFailsTheBuildInsteadOfBeingSkipped() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Application.builder().route("/story/([0-9]+)", IntArg::new).build())
                .withMessageContaining(IntArg.class.getName() + ".get(int)")
                .withMessageContaining("/story/([0-9]+)")
                .withMessageContaining("String parameters");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Application.builder().route("/x/(.*)", InheritsOneArg::new).build())
                .withMessageContaining(InheritsOneArg.class.getName() + ".put(Map)");
    }

    @Test
    void declaredHandlerTypeIsCheckedWithoutCallingTheFactory() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Application.builder().route(UrlSpec.of("/a/(x)/(y)", OneArg.class, () -> {
                    throw new AssertionError("factory called at build time");
                })).build())
                .withMessageContaining(OneArg.class.getName() + ".get(String)");
    }

    @Test
    void defaultHandlerIsCheckedAgainstItsCatchAllPattern() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Application.builder().defaultHandler(OneArg::new, Map.of()).build())
                .withMessageContaining(OneArg.class.getName() + ".get(String)")
                .withMessageContaining("0 groups");
    }

    @Test
    void oneFittingOverloadOrStringVarargsIsEnough() {
        Application application = Application.builder()
                .route("/one/(.*)", OneArg::new)
                .route("/two/(a)/(b)", Overloads::new)
                .route("/none", Overloads::new)
                .route("/any/(a)?/?(b)?", AnyCount::new)
                .build();
        assertThat(application.routes()).hasSize(4);
        application.serverStopped();
    }
}
