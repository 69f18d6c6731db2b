package io.waymark.platform.journey;

import org.springframework.data.jpa.repository.JpaRepository;

interface JourneySettingRepository extends JpaRepository<JourneySetting, String> {
}
