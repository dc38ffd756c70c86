package org.tornadojava.demo;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo application started on a free port of 127.0.0.1 with extra settings, for tests of non-default setups. */
public final class DemoServer implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private DemoServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the demo; close it when done.
     *
     * @param settings {@code --key=value} arguments, replacing the defaults for the same keys
     * @return the running server
     */
    public static DemoServer start(String... settings) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String setting : List.of("--tornado.server.port=0", "--tornado.server.address=127.0.0.1",
                "--tornado.ioloop.threads=1", "--tornado.executor.threads=2")) {
            args.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        for (String setting : settings) {
            args.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        return new DemoServer(new SpringApplicationBuilder(DemoApplication.class)
                .run(args.values().toArray(new String[0])));
    }

    /** The port the server listens on. */
    public int port() {
        return context.getEnvironment().getRequiredProperty("local.tornado.port", Integer.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
