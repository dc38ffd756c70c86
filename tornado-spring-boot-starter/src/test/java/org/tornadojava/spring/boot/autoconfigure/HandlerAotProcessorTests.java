package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime hints AOT processing registers for {@code @Handler} classes and the records they write as JSON. */
class HandlerAotProcessorTests {
    record Story(int id, Author author) {
    }

    record Author(String name) {
    }

    record Page(List<Story> stories) {
    }

    @Handler("/story/([0-9]+)")
    static class StoryHandler extends RequestHandler {
        private final String prefix;

        StoryHandler() {
            this.prefix = "story ";
        }

        public void get(String id) {
            write(new Story(Integer.parseInt(id), new Author(prefix)));
        }

        List<Page> pages() {
            return List.of();
        }
    }

    @Test
    void handlerConstructorsVerbMethodsAndJsonRecordsGetHints() throws Exception {
        RuntimeHints hints = new RuntimeHints();
        HandlerAotProcessor.registerHints(hints, List.of(StoryHandler.class));

        assertThat(RuntimeHintsPredicates.reflection()
                .onConstructorInvocation(StoryHandler.class.getDeclaredConstructor())).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(StoryHandler.class, "get")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(StoryHandler.class, "prefix")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Story.class, "id")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Author.class, "name")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Page.class, "stories")).accepts(hints);
    }

    @Test
    void aBeanFactoryWithAHandlerHasAContribution() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        RootBeanDefinition handler = new RootBeanDefinition(StoryHandler.class);
        handler.setScope(RootBeanDefinition.SCOPE_PROTOTYPE);
        beanFactory.registerBeanDefinition("storyHandler", handler);
        assertThat(new HandlerAotProcessor().processAheadOfTime(beanFactory)).isNotNull();
    }

    @Test
    void withoutHandlersThereIsNothingToContribute() {
        assertThat(new HandlerAotProcessor().processAheadOfTime(new DefaultListableBeanFactory())).isNull();
    }

    @Test
    void theProcessorIsRegisteredForAotProcessing() {
        assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
                .load(BeanFactoryInitializationAotProcessor.class))
                .anyMatch((processor) -> processor instanceof HandlerAotProcessor);
    }
}
