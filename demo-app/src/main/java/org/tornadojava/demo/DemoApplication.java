package org.tornadojava.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The demo server, a Spring Boot application on the tornado starter:
 * {@code java -jar demo-app.jar [--tornado.key=value ...]}. Every route is a {@code @Handler} bean of this package;
 * settings come from {@code application.yml}, the command line and the environment. The IOLoop threads keep the
 * JVM alive after {@link #main} returns; SIGTERM closes the context, which shuts the server down gracefully.
 */
@SpringBootApplication
@EnableConfigurationProperties(DemoProperties.class)
public class DemoApplication {

    /**
     * Starts the application and returns once the server listens. Main thread.
     *
     * @param args {@code --key=value} settings, e.g. {@code --tornado.server.port=9000}
     */
    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
