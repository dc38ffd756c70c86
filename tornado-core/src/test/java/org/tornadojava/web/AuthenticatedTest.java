package org.tornadojava.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Tornado's AuthRedirectTest and the {@code @authenticated} rules. */
class AuthenticatedTest {
    private static final AtomicInteger LOOKUPS = new AtomicInteger();
    private static TestServer server;
    private static TestServer absolute;

    /** Reads the user from the {@code user} header, counting lookups. */
    abstract static class UserFromHeader extends RequestHandler {
        @Override
        protected Object getCurrentUser() {
            LOOKUPS.incrementAndGet();
            return request().headers().get("X-User");
        }
    }

    static final class Private extends UserFromHeader {
        @Authenticated
        public void get() {
            write("hello " + currentUser() + " (" + currentUser() + ")");
        }

        @Authenticated
        public void post() {
            write("posted by " + currentUser());
        }

        public void put() {
            write("anyone may put");
        }
    }

    @Authenticated
    static final class WholeClass extends UserFromHeader {
        public void get(String id) {
            write("item " + id);
        }

        public void delete(String id) {
            write("deleted " + id);
        }
    }

    static final class LoginWithQuery extends UserFromHeader {
        @Override
        protected String getLoginUrl() {
            return "/login?from=app";
        }

        @Authenticated
        public void get() {
            write("never");
        }
    }

    static final class SetInPrepare extends RequestHandler {
        @Override
        protected void prepare() {
            setCurrentUser("from prepare");
        }

        @Authenticated
        public void get() {
            write(String.valueOf(currentUser()));
        }
    }

    static final class PerRouteLogin extends UserFromHeader {
        private String loginUrl;

        @Override
        protected void initialize(Map<String, Object> kwargs) {
            loginUrl = (String) kwargs.get("login_url");
        }

        @Override
        protected String getLoginUrl() {
            return loginUrl;
        }

        @Authenticated
        public void get() {
            write("never");
        }
    }

    /** Reads the user back typed: the name's length needs no cast; the wrong type is a ClassCastException. */
    static final class Typed extends UserFromHeader {
        public void get() {
            String name = currentUser(String.class);
            write(name == null ? "anonymous" : name + " has " + name.length() + " letters");
        }

        public void post() {
            write("user " + currentUser(Integer.class));
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/private", Private::new)
                .route("/items/(.*)", WholeClass::new)
                .route("/with-query", LoginWithQuery::new)
                .route("/prepared", SetInPrepare::new)
                .route("/typed", Typed::new)
                .route("/relative", PerRouteLogin::new, Map.of("login_url", "/login"))
                .route("/absolute", PerRouteLogin::new, Map.of("login_url", "http://example.com/login"))
                .accessLog(false)
                .build());
        absolute = TestServer.start(Application.builder()
                .loginUrl("https://accounts.example.com/signin")
                .route("/private", Private::new)
                .accessLog(false)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
        absolute.close();
    }

    @Test
    void anonymousGetIsRedirectedToTheLoginUrlWithTheEncodedPathAndQuery() throws Exception {
        RawResponse response = server.get("/private?a=1&b=x%20y");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("/login?next=%2Fprivate%3Fa%3D1%26b%3Dx%2520y");
        assertThat(server.get("/relative").header("Location")).isEqualTo("/login?next=%2Frelative");
    }

    @Test
    void anAbsoluteLoginUrlGetsAnAbsoluteNext() throws Exception {
        RawResponse response = server.get("/absolute");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location"))
                .matches("http://example.com/login\\?next=http%3A%2F%2F127.0.0.1%3A[0-9]+%2Fabsolute");
        assertThat(absolute.get("/private").header("Location"))
                .matches("https://accounts.example.com/signin\\?next=http%3A%2F%2F127.0.0.1%3A[0-9]+%2Fprivate");
    }

    @Test
    void aLoginUrlWithAQueryIsUsedAsItIs() throws Exception {
        assertThat(server.get("/with-query").header("Location")).isEqualTo("/login?from=app");
    }

    @Test
    void anonymousHeadIsRedirectedAndOtherMethodsGet403() throws Exception {
        assertThat(server.send("HEAD", "/private", null, null).status()).isEqualTo(302);
        assertThat(server.send("POST", "/private", null, new byte[0]).status()).isEqualTo(403);
        assertThat(server.send("DELETE", "/items/7", null, null).status()).isEqualTo(403);
    }

    @Test
    void currentUserOfATypeNeedsNoCastAndRefusesAnotherType() throws Exception {
        assertThat(server.get("/typed").text()).isEqualTo("anonymous");
        assertThat(server.send("GET", "/typed", "X-User: ada\r\n", null).text()).isEqualTo("ada has 3 letters");
        assertThat(server.send("POST", "/typed", "X-User: ada\r\n", new byte[0]).status()).isEqualTo(500);
    }

    @Test
    void unannotatedVerbsStayOpen() throws Exception {
        assertThat(server.send("PUT", "/private", null, new byte[0]).text()).isEqualTo("anyone may put");
    }

    @Test
    void aLoggedInUserReachesTheVerbAndTheUserIsLookedUpOncePerRequest() throws Exception {
        LOOKUPS.set(0);
        RawResponse response = server.send("GET", "/private", "X-User: alice\r\n", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("hello alice (alice)");
        assertThat(LOOKUPS.get()).isEqualTo(1);
        assertThat(server.send("POST", "/private", "X-User: bob\r\n", new byte[0]).text()).isEqualTo("posted by bob");
    }

    @Test
    void aClassLevelAnnotationCoversEveryVerb() throws Exception {
        assertThat(server.get("/items/7").header("Location")).isEqualTo("/login?next=%2Fitems%2F7");
        assertThat(server.send("GET", "/items/7", "X-User: alice\r\n", null).text()).isEqualTo("item 7");
    }

    @Test
    void aUserSetInPrepareCounts() throws Exception {
        assertThat(server.get("/prepared").text()).isEqualTo("from prepare");
    }
}
