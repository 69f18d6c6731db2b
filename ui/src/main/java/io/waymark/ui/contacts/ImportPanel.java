package io.waymark.ui.contacts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import io.waymark.platform.contact.ContactImports;
import io.waymark.platform.contact.ImportId;
import io.waymark.platform.contact.ImportReport;
import io.waymark.platform.contact.ImportStatus;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.ui.security.PhoneMask;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Optional;

/**
 * CSV import of contacts: the upload starts a background import ({@link ContactImports#startForPerson}, audited), a
 * progress bar follows it (the UI polls every second while it runs), and the per-row report lists the rows that were
 * rejected or carry warnings, paged lazily. A file refused as a whole (bad header, unreadable CSV) or a busy importer
 * is a notification naming the problem.
 *
 * <p>Component ids: {@code contact-import-upload}, {@code contact-import-progress}, {@code contact-import-status},
 * {@code contact-import-report}.
 */
class ImportPanel extends VerticalLayout {

  static final int POLL_MILLIS = 1000;

  final Upload upload;
  final ProgressBar progress = new ProgressBar();
  final Span status = new Span();
  final Grid<ImportReport.Row> report = new Grid<>();

  private final ContactImports imports;
  private final Runnable imported;
  private ImportId current;
  private UI ui;
  private Registration polling;

  ImportPanel(ContactImports imports, Runnable imported) {
    this.imports = imports;
    this.imported = imported;
    setPadding(false);
    upload = new Upload(UploadHandler.toTempFile((metadata, file) -> started(metadata.fileName(), file)));
    upload.setId("contact-import-upload");
    upload.setAcceptedFileTypes(".csv", "text/csv");
    upload.setMaxFiles(1);
    progress.setId("contact-import-progress");
    progress.setVisible(false);
    status.setId("contact-import-status");
    report.setId("contact-import-report");
    report.addColumn(ImportReport.Row::line).setHeader("Line").setAutoWidth(true);
    report.addColumn(r -> r.externalId() == null ? "" : r.externalId()).setHeader("External id").setAutoWidth(true);
    report.addColumn(ImportReport.Row::outcome).setHeader("Outcome").setAutoWidth(true);
    report.addColumn(r -> PhoneMask.forSignedInUser(r.phone())).setHeader("Phone").setAutoWidth(true);
    report.addColumn(r -> r.field() == null ? "" : r.field()).setHeader("Column").setAutoWidth(true);
    report.addColumn(r -> (r.problem() == null ? "" : r.problem())
        + (r.warnings().isEmpty() ? "" : (r.problem() == null ? "" : "; ") + String.join("; ", r.warnings())))
        .setHeader("Problem or warning").setFlexGrow(1);
    report.setItems(query -> page(query.getPage(), query.getPageSize()).map(s -> s.issues().rows().stream())
        .orElseGet(java.util.stream.Stream::empty),
        query -> page(0, 1).map(s -> (int) Math.min(Integer.MAX_VALUE, s.issues().total())).orElse(0));
    report.setHeight("300px");
    add(new Span("Columns: external_id, phone, country, first_name, last_name, email, timezone, state, consent_topics, "
        + "consent_channel, consent_text, consented_at (see contact/IMPORT.md). Importing the same file again changes "
        + "nothing."), upload, progress, status, report);
  }

  private void started(String fileName, File file) {
    ImportId id;
    try (InputStream csv = Files.newInputStream(file.toPath())) {
      id = imports.startForPerson(csv, fileName);
    } catch (InvalidInputException e) {
      inUi(() -> ConsentPanel.fail("The file was not imported: " + e.getMessage()));
      return;
    } catch (ContactImports.ImportsBusyException e) {
      inUi(() -> ConsentPanel.fail(e.getMessage()));
      return;
    } catch (IOException e) {
      inUi(() -> ConsentPanel.fail("The uploaded file cannot be read: " + e.getMessage()));
      return;
    } finally {
      file.delete();
    }
    inUi(() -> {
      current = id;
      progress.setVisible(true);
      refresh();
    });
  }

  /** Reads the import's state, moves the progress bar, and polls while the import runs. */
  void refresh() {
    Optional<ImportStatus> found = current == null ? Optional.empty() : imports.status(current, 0, 1);
    if (found.isEmpty()) {
      return;
    }
    ImportStatus s = found.get();
    progress.setValue(s.totalRows() == 0 ? 1 : Math.min(1, (double) s.processedRows() / s.totalRows()));
    ImportReport.Counts c = s.counts();
    status.setText(s.status() + " · " + s.processedRows() + " of " + s.totalRows() + " rows · " + c.imported()
        + " imported, " + c.updated() + " updated, " + c.unchanged() + " unchanged, " + c.rejected() + " rejected, "
        + c.consentRejected() + " consent rejected, " + c.withWarnings() + " with warnings"
        + (s.failure() == null ? "" : " · " + s.failure()));
    report.getDataProvider().refreshAll();
    if (ui != null) {
      ui.setPollInterval(s.status() == ImportStatus.Status.RUNNING ? POLL_MILLIS : -1);
    }
    if (s.status() != ImportStatus.Status.RUNNING) {
      imported.run();
    }
  }

  Optional<ImportStatus> status() {
    return current == null ? Optional.empty() : imports.status(current, 0, 1);
  }

  private Optional<ImportStatus> page(int page, int size) {
    return current == null ? Optional.empty() : imports.status(current, page, size);
  }

  private void inUi(Runnable command) {
    if (ui == null || ui.getSession() == null || ui.getSession().hasLock()) {
      command.run();
    } else {
      ui.access(command::run);
    }
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    ui = attach.getUI();
    polling = ui.addPollListener(poll -> refresh());
  }

  @Override
  protected void onDetach(DetachEvent detach) {
    if (polling != null) {
      polling.remove();
    }
    detach.getUI().setPollInterval(-1);
    ui = null;
  }
}
