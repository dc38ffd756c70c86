package org.springframework.boot.devtools.restart.classloader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Test stand-in for devtools' class loader of the same name (devtools is not a dependency here): loads the named
 * classes itself, from the parent's class files, so they live in another class loader (and module) than the
 * starter, as the application's classes do after a devtools restart. Everything else comes from the parent.
 */
public class RestartClassLoader extends ClassLoader {
    private final Set<String> reloaded;

    public RestartClassLoader(ClassLoader parent, Set<String> reloaded) {
        super(parent);
        this.reloaded = reloaded;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!reloaded.contains(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    loaded = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException ex) {
                    throw new ClassNotFoundException(name, ex);
                }
            }
            return loaded;
        }
    }
}
