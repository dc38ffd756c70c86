package org.tornadojava.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * jakarta.validation is optional: with it hidden, the framework's classes load and reflect (as Spring does with
 * handler beans), an application runs, and only validate() fails, with a message that says what to add.
 */
class CoreWithoutBeanValidationTest {

    /** Runs inside the class loader that hides Bean Validation. */
    public static final class Probe implements Callable<String> {
        @Override
        public String call() {
            RequestHandler.class.getDeclaredMethods();
            Application.class.getDeclaredMethods();
            Application.Builder.class.getDeclaredMethods();
            Application application = Application.builder().build();
            try {
                application.validator().validate(new Object());
                return "validated";
            } catch (IllegalStateException e) {
                return e.getMessage();
            } finally {
                application.serverStopped();
            }
        }
    }

    /** Defines this project's classes itself and refuses jakarta.validation; everything else from the parent. */
    static final class WithoutBeanValidation extends ClassLoader {
        WithoutBeanValidation(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("jakarta.validation.")) {
                    throw new ClassNotFoundException(name);
                }
                if (!name.startsWith("org.tornadojava.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = bytesOf(name);
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded;
            }
        }

        private byte[] bytesOf(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void coreRunsWithoutBeanValidationAndValidateSaysWhatIsMissing() throws Exception {
        ClassLoader loader = new WithoutBeanValidation(getClass().getClassLoader());
        assertThatThrownBy(() -> Class.forName("jakarta.validation.Validation", false, loader))
                .isInstanceOf(ClassNotFoundException.class);
        Class<?> probe = Class.forName(Probe.class.getName(), true, loader);
        assertThat(probe.getClassLoader()).isSameAs(loader);
        String outcome = ((Callable<?>) probe.getConstructor().newInstance()).call().toString();
        assertThat(outcome).startsWith("validate() needs Bean Validation");
    }
}
