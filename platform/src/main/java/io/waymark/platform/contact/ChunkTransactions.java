package io.waymark.platform.contact;

import io.waymark.platform.contact.ImportReport.Outcome;
import io.waymark.platform.contact.ImportReport.Row;
import io.waymark.platform.contact.ImportRow.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a chunk of import rows ({@link ImportChunk}) in one transaction. When the consent ledger rejects consents,
 * the chunk is stored again without them. When the database refuses the chunk, its rows are stored one by one, each
 * in its own transaction, so that one bad row never costs the others; a row the database refuses alone is reported
 * REJECTED on field {@code row}. An unreachable database is not a row's fault: it ends the import.
 */
@Component
class ChunkTransactions {

  private static final Logger LOG = LoggerFactory.getLogger(ChunkTransactions.class);

  private final ImportChunk chunk;
  private final TransactionTemplate transactions;

  ChunkTransactions(ImportChunk chunk, PlatformTransactionManager transactions) {
    this.chunk = chunk;
    this.transactions = new TransactionTemplate(transactions);
  }

  List<Row> store(List<ImportRow> rows) {
    Map<Long, Problem> rejectedConsents = new HashMap<>();
    while (true) {
      try {
        return transactions.execute(status -> chunk.store(rows, rejectedConsents));
      } catch (ImportChunk.ConsentsRejected rejected) {
        // rolled back; the next attempt offers every other consent again, these ones not
        LOG.debug("{} consents of a chunk were rejected; storing the chunk again without them",
            rejected.rejected.size());
        rejectedConsents.putAll(rejected.rejected);
      } catch (DataAccessResourceFailureException | TransientDataAccessResourceException unreachable) {
        throw unreachable;
      } catch (DataAccessException refused) {
        if (rows.size() > 1) {
          LOG.info("A chunk of {} import rows was refused ({}); storing them one by one", rows.size(),
              refused.getClass().getSimpleName());
          List<Row> report = new ArrayList<>();
          rows.forEach(row -> report.addAll(store(List.of(row))));
          return report;
        }
        return List.of(failed(rows.getFirst(), refused));
      }
    }
  }

  private static Row failed(ImportRow row, DataAccessException e) {
    String phone = row.contact() == null ? null : row.contact().phone();
    LOG.warn("Import row at line {} ({}) could not be stored: {}", row.line(), PhoneNumbers.mask(phone),
        e.getMostSpecificCause().getClass().getSimpleName());
    String cause = String.valueOf(e.getMostSpecificCause().getMessage());
    return new Row(row.line(), row.externalId(), Outcome.REJECTED, phone, null, "row",
        "could not be stored: " + (cause.length() > 300 ? cause.substring(0, 300) + "…" : cause), row.warnings());
  }
}
