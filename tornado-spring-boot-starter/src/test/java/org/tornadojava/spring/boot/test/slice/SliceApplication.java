package org.tornadojava.spring.boot.test.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the slice tests find by searching their package, as a user's tests find theirs. */
@SpringBootApplication
public class SliceApplication {
}
