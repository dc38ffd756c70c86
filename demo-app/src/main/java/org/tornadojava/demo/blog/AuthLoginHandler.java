package org.tornadojava.demo.blog;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.tornadojava.http.PercentCodec;
import org.tornadojava.spring.boot.Handler;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@code /blog/auth/login}: GET shows the sign-in form ({@code email}, {@code password}), or redirects to
 * {@code /blog/auth/create} while the blog has no author; POST checks the password (bcrypt) and signs the author
 * in, redirecting to {@code next} (a local path) or {@code /blog/}; a wrong address or password shows the form
 * again with 403 and one message for both (which of the two was wrong is not told). IOLoop thread; bcrypt and
 * the queries run on the executor.
 */
@Handler("/blog/auth/login")
class AuthLoginHandler extends BlogHandler {
    private final PasswordEncoder passwords;

    AuthLoginHandler(BlogStore store, PasswordEncoder passwords) {
        super(store);
        this.passwords = passwords;
    }

    public CompletionStage<Void> get() {
        return runOnExecutor(store::anyAuthor).thenAccept(any -> {
            if (any) {
                render("blog/login.html", new Form("", next(), null));
            } else {
                redirect("/blog/auth/create?next=" + PercentCodec.encodeQueryValue(next()));
            }
        });
    }

    public CompletionStage<Void> post() {
        String email = getArgument("email", "").strip();
        String password = getArgument("password", "");
        return runOnExecutor(() -> store.authorByEmail(email)
                .filter(author -> passwords.matches(password, author.hashedPassword())))
                .thenAccept((Optional<Author> author) -> {
                    if (author.isPresent()) {
                        signIn(author.get());
                        redirect(next());
                    } else {
                        setStatus(403);
                        render("blog/login.html", new Form(email, next(), "Wrong e-mail address or password."));
                    }
                });
    }

    /**
     * The form template's model.
     *
     * @param email the address typed
     * @param next where to go after signing in
     * @param error what went wrong, or null
     */
    record Form(String email, String next, String error) {
    }
}
