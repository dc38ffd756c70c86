package org.tornadojava.demo.blog;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.tornadojava.spring.boot.Handler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /blog/auth/create}: GET shows the form creating the blog's author ({@code name}, {@code email},
 * {@code password}); POST creates it, signs it in and redirects to {@code next} (a local path) or
 * {@code /blog/}. The blog has one author, as Tornado's demo: once it exists, POST answers 400, as does a form
 * with an empty field. IOLoop thread; bcrypt and the queries run on the executor.
 */
@Handler("/blog/auth/create")
class AuthCreateHandler extends BlogHandler {
    /** Longest name or e-mail address accepted (the columns' width). */
    static final int MAX_LENGTH = 100;

    private final PasswordEncoder passwords;

    AuthCreateHandler(BlogStore store, PasswordEncoder passwords) {
        super(store);
        this.passwords = passwords;
    }

    public void get() {
        render("blog/create_author.html", new Form("", "", next(), null));
    }

    public CompletionStage<Void> post() {
        String name = getArgument("name", "").strip();
        String email = getArgument("email", "").strip();
        String password = getArgument("password", "");
        if (name.isEmpty() || email.isEmpty() || password.isEmpty()) {
            return refuse(name, email, "Please fill in every field.");
        }
        if (name.length() > MAX_LENGTH || email.length() > MAX_LENGTH) {
            return refuse(name, email, "A name or address has at most " + MAX_LENGTH + " characters.");
        }
        return runOnExecutor(() -> store.anyAuthor() ? null
                : store.createAuthor(email, name, passwords.encode(password))).thenAccept(author -> {
                    if (author == null) {
                        refuse(name, email, "The blog has its author already: sign in instead.");
                    } else {
                        signIn(author);
                        redirect(next());
                    }
                });
    }

    private CompletionStage<Void> refuse(String name, String email, String problem) {
        setStatus(400);
        render("blog/create_author.html", new Form(name, email, next(), problem));
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The form template's model.
     *
     * @param name the name typed
     * @param email the address typed
     * @param next where to go after creating the account
     * @param error what is wrong, or null
     */
    record Form(String name, String email, String next, String error) {
    }
}
