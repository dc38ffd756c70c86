package org.tornadojava.demo.blog;

/**
 * A blog author, a row of {@code blog_authors}. Immutable; any thread.
 *
 * @param id the database id
 * @param email the address the author signs in with (unique)
 * @param name the name shown on the blog
 * @param hashedPassword the bcrypt hash of the password
 */
public record Author(long id, String email, String name, String hashedPassword) {
    /**
     * The author without the password hash, for logs.
     *
     * @return e.g. {@code Author[id=1, email=a@example.org, name=Ann]}
     */
    @Override
    public String toString() {
        return "Author[id=" + id + ", email=" + email + ", name=" + name + "]";
    }
}
