package io.waymark.platform.crm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The platform with no CRM configured, one context shared by the crm tests; events of the test's thread recorded. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"waymark.test.database=crm"})
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(CrmFixtures.class)
@interface CrmTest {
}
