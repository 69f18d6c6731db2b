package io.waymark.platform.campaign;

/**
 * A campaign to create: its {@code name}, the segment whose members it texts, the approved SMS template it sends, the
 * consent topic it is sent on (the audience is resolved for it and every member asked again at sending), the brand
 * (optional: the template's), when it sends ({@link Schedule}) and who creates it (who then may not approve it).
 */
public record NewCampaign(String name, Long segmentId, String templateKey, String topic, String brand,
    Schedule schedule, String createdBy) {
}
