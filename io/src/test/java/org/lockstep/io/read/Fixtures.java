package org.lockstep.io.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lockstep.core.model.Post;

/** Reads test inputs through the real entry point and keeps posts and report together. */
final class Fixtures {
    record Result(List<Post> posts, ReadReport report) {
        Post post(String id) {
            for (Post p : posts) if (p.id().equals(id)) return p;
            throw new AssertionError("no post " + id + " among " + posts.stream().map(Post::id).toList());
        }

        List<String> problems() {
            return report.problems().stream().map(p -> p.line() + " " + p.severity() + " " + p.reason()).toList();
        }
    }

    private Fixtures() {}

    static Path fixture(String rel) {
        return Path.of("src/test/resources/fixtures").resolve(rel);
    }

    static Result read(ReadOptions options, Path... files) throws IOException {
        List<Post> posts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) names.add(f.toString());
        ReadReport rep = Readers.read(names, options, posts::add, p -> {});
        return new Result(posts, rep);
    }

    static Result read(Path... files) throws IOException {
        return read(ReadOptions.defaults(), files);
    }
}
