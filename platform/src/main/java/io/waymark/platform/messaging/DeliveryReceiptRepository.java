package io.waymark.platform.messaging;

import java.util.List;
import org.springframework.data.repository.Repository;

interface DeliveryReceiptRepository extends Repository<DeliveryReceipt, Long> {

  DeliveryReceipt save(DeliveryReceipt receipt);

  boolean existsByProviderAndProviderMessageIdAndStatus(String provider, String providerMessageId, String status);

  List<DeliveryReceipt> findByProviderAndProviderMessageIdOrderById(String provider, String providerMessageId);
}
