package io.waymark.platform.support;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Renders bad input as RFC 9457 problem details with status 400, always naming the field: {@code field} holds the
 * first offending JSON path, {@code errors} every one, {@code detail} a sentence a person can read.
 */
@RestControllerAdvice(basePackages = "io.waymark")
class ApiErrors {

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    return problem(e.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidArgument(MethodArgumentNotValidException e) {
    return problem(e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return problem(List.of(new FieldError(e.getParameterName(), "is required")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatchedParameter(MethodArgumentTypeMismatchException e) {
    return problem(List.of(new FieldError(e.getName(), "'" + e.getValue() + "' has the wrong type or format")));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      return problem(List.of(new FieldError(field, "has the wrong type or format")));
    }
    return problem(List.of(new FieldError("body", "is not valid JSON")));
  }

  private static ProblemDetail problem(List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setTitle("Invalid input");
    problem.setDetail(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    problem.setProperty("field", errors.isEmpty() ? null : errors.getFirst().field());
    problem.setProperty("errors", errors);
    return problem;
  }

  record FieldError(String field, String message) {
  }
}
