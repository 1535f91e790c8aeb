package org.lockstep.sim.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.core.model.PostTable;
import org.lockstep.core.plans.CallExtractor;
import org.lockstep.core.plans.PlanLinker;
import org.lockstep.io.chat.ChatReadOptions;
import org.lockstep.io.chat.ChatReaders;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.store.Cases;
import org.lockstep.io.store.PostFilter;

/** The chatroom scenario through the chat reader, the call extractor and the linker, against its ground truth. */
class ChatroomScenarioTest {
    @TempDir
    Path dir;

    @Test
    void everyExecutedCallIsFoundWithItsExecutors() throws Exception {
        for (long seed : new long[] {1, 2, 3}) {
            ChatroomScenario.Config cfg = ChatroomScenario.Config.defaults(seed);
            Path chat = dir.resolve("chat" + seed + ".json"), posts = dir.resolve("posts" + seed + ".jsonl"), truth = dir.resolve("truth" + seed + ".json");
            ChatroomScenario.Truth t = new ChatroomScenario(cfg).run(chat, posts, truth, seed == 1 ? dir.resolve("memes") : null);
            assertTrue(Files.size(truth) > 0);
            ZoneId paris = ZoneId.of("Europe/Paris");
            ChatReaders.Loaded l = ChatReaders.read(List.of(chat), ChatReadOptions.defaults().withZone(paris), p -> {});
            assertEquals(0, l.report().rejected());
            assertEquals(t.chatMessages(), l.messages().size());
            PostTable table = Cases.load(null, List.of(posts.toString()), ReadOptions.defaults(), true, new PostFilter(null, null, Set.of()), p -> {}).table();
            assertEquals(t.posts(), table.size());
            CallExtractor.Result calls = new CallExtractor(CallExtractor.Config.defaults(paris)).run(l.messages());
            PlanLinker.Result r = new PlanLinker(PlanLinker.Config.defaults()).run(calls, table);
            Map<String, PlanLinker.LinkedCall> byId = new HashMap<>();
            for (PlanLinker.LinkedCall c : r.calls()) byId.put(c.call().message().id(), c);
            assertEquals(t.calls().size(), r.calls().size(), "no chat noise taken for a call, no call missed");
            int executors = 0, found = 0, adopted = 0;
            for (ChatroomScenario.TruthCall tc : t.calls()) {
                PlanLinker.LinkedCall c = byId.get(tc.messageId());
                assertNotNull(c, "call " + tc.messageId());
                assertEquals(tc.scheduledMs(), (long) c.call().scheduledMs(), "scheduled time of " + tc.messageId() + ": " + c.call().message().text());
                if (!tc.executed()) {
                    assertFalse(c.executed(), "never executed: " + tc.messageId());
                    assertTrue(c.adopters().isEmpty());
                    continue;
                }
                assertTrue(c.executed(), "executed: " + tc.messageId() + " p=" + c.uptake());
                Set<String> adopters = new HashSet<>();
                for (PlanLinker.Adopter a : c.adopters()) adopters.add(a.accountId());
                int hit = 0;
                for (String e : tc.executors()) if (adopters.contains(e)) hit++;
                assertTrue(hit >= 0.9 * tc.executors().size(), "call " + tc.messageId() + ": " + hit + " of " + tc.executors().size());
                executors += tc.executors().size();
                found += hit;
                adopted += adopters.size();
            }
            for (PlanLinker.NetworkAccount a : r.network()) {
                assertFalse(t.organicAccounts().contains(a.accountId()), "organic account in the executing network: " + a);
            }
            for (String[] v : t.revealed()) {
                assertTrue(r.revealed().stream().anyMatch(m -> m.handle().equals(v[1]) && v[2].equals(m.accountId())), "revealed " + v[1]);
            }
            assertTrue(found >= 0.9 * adopted, "adopters that executed: " + found + " of " + adopted);
            System.out.printf("chatroom seed %d: %d calls (%d executed), executors found %d of %d (%.1f %%), adopter precision %d of %d, "
                    + "network %d accounts, 0 organic%n", seed, t.calls().size(), t.calls().stream().filter(ChatroomScenario.TruthCall::executed).count(),
                    found, executors, 100.0 * found / executors, found, adopted, r.network().size());
        }
        assertTrue(Files.list(dir.resolve("memes")).count() > 0);
    }
}
