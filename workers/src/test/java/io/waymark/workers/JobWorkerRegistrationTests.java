package io.waymark.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.waymark.workflows.JobTypes;
import io.waymark.workflows.Journeys;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/** Workers serve exactly the job types the journeys use: none unknown, none missing, one worker per type. */
class JobWorkerRegistrationTests {

  private static List<Method> workerMethods() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    List<Method> methods = new ArrayList<>();
    for (BeanDefinition bean : scanner.findCandidateComponents("io.waymark.workers")) {
      for (Method method : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
        if (method.isAnnotationPresent(JobWorker.class)) {
          methods.add(method);
        }
      }
    }
    return methods;
  }

  private static List<String> workerTypes() throws ClassNotFoundException {
    return workerMethods().stream().map(method -> method.getAnnotation(JobWorker.class).type()).toList();
  }

  @Test
  void takesTheJobFirstInEveryWorkerSoTheStepLedgerSeesIt() throws Exception {
    assertThat(workerMethods()).isNotEmpty().allSatisfy(method -> assertThat(method.getParameterTypes())
        .as("first parameter of %s", method).isNotEmpty().startsWith(ActivatedJob.class));
  }

  @Test
  void registersOnlyKnownJobTypesEachOnce() throws Exception {
    List<String> types = workerTypes();
    assertThat(types).doesNotHaveDuplicates();
    assertThat(JobTypes.ALL).containsAll(types);
  }

  @Test
  void servesEveryJobTypeTheBundledJourneysUse() throws Exception {
    Set<String> used = new HashSet<>();
    for (String processId : Journeys.BUNDLED) {
      var model = Bpmn.readModelFromStream(getClass().getClassLoader().getResourceAsStream(Journeys.resource(processId)));
      model.getModelElementsByType(ZeebeTaskDefinition.class).forEach(task -> used.add(task.getType()));
    }
    assertThat(workerTypes()).containsAll(used);
  }
}
