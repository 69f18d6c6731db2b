package io.waymark.platform.campaign;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The platform with small campaign settings (approval above 3 recipients, topic {@code collections} sensitive,
 * batches of 2), one context shared by the campaign tests; events published in the test's thread are recorded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"waymark.test.database=campaigns", "waymark.campaigns.approval-threshold=3",
    "waymark.campaigns.sensitive-topics=collections", "waymark.campaigns.batch-size=2"})
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(CampaignFixtures.class)
@interface CampaignTest {
}
