package org.tornadojava.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationJsonMapperTest {
    @Test
    void applicationsWithoutAMapperShareTheDefaultOne() {
        Application first = Application.builder().build();
        Application second = Application.builder().build();
        try {
            assertThat(first.jsonMapper()).isNotNull().isSameAs(second.jsonMapper());
        } finally {
            first.serverStopped();
            second.serverStopped();
        }
    }

    @Test
    void theBuildersMapperWins() {
        JsonMapper own = JsonMapper.builder().build();
        Application application = Application.builder().jsonMapper(own).build();
        try {
            assertThat(application.jsonMapper()).isSameAs(own);
        } finally {
            application.serverStopped();
        }
    }
}
