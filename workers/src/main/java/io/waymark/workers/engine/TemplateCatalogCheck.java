package io.waymark.workers.engine;

import io.waymark.platform.template.Channel;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.workflows.lint.JourneyLinter;
import org.springframework.stereotype.Component;

/** The linter's template rule, answered by the template catalog: a referenced key must have an approved version. */
@Component
class TemplateCatalogCheck implements JourneyLinter.TemplateCheck {

  private final MessageTemplates templates;

  TemplateCatalogCheck(MessageTemplates templates) {
    this.templates = templates;
  }

  @Override
  public boolean isSendable(String templateKey, String channel) {
    return templates.isSendable(templateKey, Channel.valueOf(channel));
  }
}
