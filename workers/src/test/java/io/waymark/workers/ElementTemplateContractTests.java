package io.waymark.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.waymark.workflows.ElementTemplates;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/** The element template of each served job type documents exactly the variables its worker returns. */
class ElementTemplateContractTests {

  private static Map<String, List<String>> returnedByWorkers() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Map<String, List<String>> returned = new LinkedHashMap<>();
    for (BeanDefinition bean : scanner.findCandidateComponents("io.waymark.workers")) {
      for (Method method : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
        JobWorker worker = method.getAnnotation(JobWorker.class);
        if (worker != null) {
          Class<?> result = method.getReturnType();
          returned.put(worker.type(), result.isRecord()
              ? Arrays.stream(result.getRecordComponents()).map(RecordComponent::getName).toList() : List.of());
        }
      }
    }
    return returned;
  }

  private static List<String> documentedOutputs(String jobType) throws Exception {
    try (InputStream in = ElementTemplateContractTests.class.getClassLoader()
        .getResourceAsStream(ElementTemplates.resource(jobType))) {
      JsonNode template = new ObjectMapper().readTree(in);
      return StreamSupport.stream(template.path("properties").spliterator(), false)
          .filter(p -> "zeebe:output".equals(p.path("binding").path("type").asText()))
          .map(p -> p.path("binding").path("source").asText().replaceFirst("^=", ""))
          .toList();
    }
  }

  @Test
  void templatesDocumentTheVariablesEachWorkerReturns() throws Exception {
    Map<String, List<String>> returned = returnedByWorkers();
    assertThat(returned).isNotEmpty();
    for (Map.Entry<String, List<String>> worker : returned.entrySet()) {
      assertThat(documentedOutputs(worker.getKey())).as("outputs of the %s template", worker.getKey())
          .containsExactlyInAnyOrderElementsOf(worker.getValue());
    }
  }
}
