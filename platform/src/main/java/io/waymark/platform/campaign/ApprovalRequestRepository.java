package io.waymark.platform.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalRequestRepository extends JpaRepository<ApprovalRequest, Long> {

  Optional<ApprovalRequest> findByRunId(long runId);

  List<ApprovalRequest> findAllByOrderByIdDesc(Pageable page);

  @Query("select a from ApprovalRequest a where a.status = io.waymark.platform.campaign.ApprovalRequest.Status.PENDING"
      + " and a.expiresAt > :now order by a.expiresAt")
  List<ApprovalRequest> findOpen(Instant now, Pageable page);

  @Query("select a from ApprovalRequest a where a.status = io.waymark.platform.campaign.ApprovalRequest.Status.EXPIRED"
      + " or (a.status = io.waymark.platform.campaign.ApprovalRequest.Status.PENDING and a.expiresAt <= :now)"
      + " order by a.id desc")
  List<ApprovalRequest> findExpired(Instant now, Pageable page);

  List<ApprovalRequest> findByStatusOrderByIdDesc(ApprovalRequest.Status status, Pageable page);
}
