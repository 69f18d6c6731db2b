package io.waymark.platform.analytics;

import java.util.List;
import org.springframework.stereotype.Service;

/** Experiments of journeys: the variant of each contact, recorded at entry, and each experiment's results. */
@Service
public class Experiments {

  /** The experiments with runs entering in the filter's period (of its journey, if named), each variant's results. */
  public List<ExperimentReport> reports(MetricFilter filter) {
    throw new UnsupportedOperationException("contract only");
  }

  /** The variant names of the journey's experiments (all journeys' for null), for filters. */
  public List<String> variants(String journey) {
    throw new UnsupportedOperationException("contract only");
  }
}
