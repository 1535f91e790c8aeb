package org.lockstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The organic population has the properties that make detectors face chance co-occurrences. */
class OrganicRealismTest {
    private static SimRun organic() {
        return SimRun.of(SimConfig.scenario("organic", 60_000, 5));
    }

    @Test
    void organicScenarioHasNoOperations() {
        SimRun run = organic();
        assertEquals(0, run.labels().get("operations").size());
        assertEquals(60_000, run.result.organicPosts());
    }

    @Test
    void activityIsHeavyTailed() {
        Map<String, Integer> count = new HashMap<>();
        for (JsonNode t : organic().tweets()) count.merge(SimRun.author(t), 1, Integer::sum);
        List<Integer> v = new ArrayList<>(count.values());
        Collections.sort(v, Collections.reverseOrder());
        int top = Math.max(1, organic().labels().get("organic").get("accounts").asInt() / 100);
        long sumTop = 0, sum = 0;
        for (int i = 0; i < v.size(); i++) {
            sum += v.get(i);
            if (i < top) sumTop += v.get(i);
        }
        // uniform activity would give the top 1% about 1% of the posts
        assertTrue(sumTop > 0.08 * sum, "top 1% share " + (double) sumTop / sum);
        int median = v.get(v.size() / 2);
        assertTrue(v.get(0) > 20 * median, "busiest account far above the median");
    }

    @Test
    void postingFollowsADailyRhythm() {
        int night = 0, evening = 0;
        for (JsonNode t : organic().tweets()) {
            if (!t.get("lang").asText().equals("fr") || t.get("user").get("location").asText().contains("USA")) continue;
            int hourUtc = (int) ((SimRun.timeOf(t) / 3_600_000L) % 24);
            if (hourUtc >= 1 && hourUtc < 4) night++; // 03-06 in Paris
            if (hourUtc >= 17 && hourUtc < 20) evening++; // 19-22 in Paris
        }
        assertTrue(night * 3 < evening, "night " + night + " vs evening " + evening);
    }

    @Test
    void americanAccountsPeakHoursAfterFrenchOnes() {
        Set<String> us = new HashSet<>(List.of(Lexicon.PLACES[1])), fr = new HashSet<>(List.of(Lexicon.PLACES[0]));
        us.remove("");
        fr.remove("");
        int[] usHours = new int[24], frHours = new int[24];
        for (JsonNode t : organic().tweets()) {
            if (t.has("retweeted_status")) continue;
            String place = t.get("user").get("location").asText();
            int h = (int) ((SimRun.timeOf(t) / 3_600_000L) % 24);
            if (us.contains(place)) usHours[h]++;
            else if (fr.contains(place)) frHours[h]++;
        }
        // local evening peak: ~19-21 in Paris (UTC+2) is ~17-19 UTC; in the US (UTC-4..-7) it is ~0-3 UTC
        int usPeak = peak(usHours), frPeak = peak(frHours);
        int gap = Math.floorMod(usPeak - frPeak, 24);
        assertTrue(gap >= 4 && gap <= 10, "US peak " + usPeak + " UTC, French peak " + frPeak + " UTC");
    }

    private static int peak(int[] hours) {
        // centre of the busiest 3-hour window
        int best = 0, bestSum = -1;
        for (int h = 0; h < 24; h++) {
            int sum = hours[(h + 23) % 24] + hours[h] + hours[(h + 1) % 24];
            if (sum > bestSum) { bestSum = sum; best = h; }
        }
        return best;
    }

    @Test
    void severalLanguagesPopularHashtagsAndLinksWithTrackingParameters() {
        Map<String, Integer> lang = new HashMap<>(), tags = new HashMap<>(), links = new HashMap<>();
        int utm = 0;
        for (JsonNode t : organic().tweets()) {
            lang.merge(t.get("lang").asText(), 1, Integer::sum);
            for (JsonNode h : t.get("entities").get("hashtags")) tags.merge(h.get("text").asText(), 1, Integer::sum);
            for (JsonNode u : t.get("entities").get("urls")) {
                String x = u.get("expanded_url").asText();
                if (x.contains("utm_")) utm++;
                links.merge(x, 1, Integer::sum);
            }
        }
        int langs = 0;
        for (int c : lang.values()) if (c > 500) langs++;
        assertTrue(langs >= 5, "languages " + lang);
        assertTrue(tags.getOrDefault("France2017", 0) > 1000);
        assertTrue(utm > 100);
        int maxLink = Collections.max(links.values());
        assertTrue(maxLink > 100, "a popular link is shared by many");
        assertTrue(links.size() > 500, "and many links are shared rarely");
    }

    @Test
    void accountsLookEstablished() {
        Set<String> seen = new HashSet<>();
        int defaultProfile = 0, n = 0;
        Set<String> years = new HashSet<>();
        for (JsonNode t : organic().tweets()) {
            JsonNode u = t.get("user");
            if (!seen.add(u.get("id_str").asText())) continue;
            n++;
            if (u.get("default_profile").asBoolean()) defaultProfile++;
            String c = u.get("created_at").asText();
            years.add(c.substring(c.length() - 4));
        }
        assertTrue(defaultProfile < 0.25 * n, "default profiles are rare among organic accounts");
        assertTrue(years.size() >= 6, "creation dates spread over years: " + years);
    }
}
