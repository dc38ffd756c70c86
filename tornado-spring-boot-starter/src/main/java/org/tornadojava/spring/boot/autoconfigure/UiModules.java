package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.beans.factory.BeanDefinitionStoreException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.tornadojava.spring.boot.UiModule;
import org.tornadojava.template.UIModule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds the {@link UiModule @UiModule} beans of a bean factory: each name with a factory asking the bean factory
 * for a new instance per use. Fails start-up for a bean that is not a prototype {@code UIModule}, or two modules
 * with one name. Runs on the thread refreshing the context; the factories are thread-safe.
 */
final class UiModules {

    private UiModules() {
    }

    /**
     * The UI modules of the bean factory by name.
     *
     * @param beanFactory the factory holding the module bean definitions
     * @return the factories, in registration order
     * @throws BeanDefinitionStoreException for an invalid or duplicate module
     */
    static Map<String, Supplier<UIModule>> discover(ConfigurableListableBeanFactory beanFactory) {
        Map<String, Supplier<UIModule>> modules = new LinkedHashMap<>();
        for (String beanName : beanFactory.getBeanNamesForAnnotation(UiModule.class)) {
            Class<?> type = beanFactory.getType(beanName);
            UiModule annotation = beanFactory.findAnnotationOnBean(beanName, UiModule.class);
            if (type == null || annotation == null || !UIModule.class.isAssignableFrom(type)) {
                throw new BeanDefinitionStoreException("@UiModule bean '" + beanName + "' (" + type
                        + ") must be a subclass of " + UIModule.class.getName());
            }
            if (!beanFactory.isPrototype(beanName)) {
                throw new BeanDefinitionStoreException("@UiModule bean '" + beanName + "' (" + type.getName()
                        + ") must be prototype-scoped: a UIModule serves one use in a template");
            }
            if (annotation.value().isEmpty()) {
                throw new BeanDefinitionStoreException("@UiModule on " + type.getName() + " has no name");
            }
            Supplier<UIModule> factory = () -> beanFactory.getBean(beanName, UIModule.class);
            if (modules.putIfAbsent(annotation.value(), factory) != null) {
                throw new BeanDefinitionStoreException("two @UiModule beans are named '" + annotation.value()
                        + "', the second is " + type.getName());
            }
        }
        return modules;
    }
}
