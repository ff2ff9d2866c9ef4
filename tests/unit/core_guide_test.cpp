// The guide's timer and walk, driven by elapsed times and calls: no sleeping.
#include "core/guide.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace rls;
using namespace rls::guide;
using namespace std::chrono;

namespace {

std::vector<Point> catalog() {
    const char* left[] = {"left.heart", "left.lateral", "left.knee-leg", "left.sciatic",
                          "left.foot"};
    const char* right[] = {"right.ball", "right.sciatic", "right.foot"};
    std::vector<Point> out;
    for (const char* code : left) {
        out.push_back({0, "", code, "left", code, "somewhere", true});
    }
    for (const char* code : right) {
        out.push_back({0, "", code, "right", code, "somewhere", true});
    }
    return out;
}

Routine standard() {
    Routine r;
    r.code = "standard";
    for (const auto& p : catalog()) {
        r.points.push_back(p.code);
    }
    return r;
}

std::vector<StepKind> kinds(Walk w) {
    std::vector<StepKind> out;
    while (!w.finished()) {
        out.push_back(w.step().kind);
        w.next();
    }
    return out;
}

} // namespace

TEST_SUITE("core.guide") {
    TEST_CASE("holds: press 10 s, rest 10 s, three times, no rest after the last") {
        CHECK(hold_length(1.0) == seconds{50});
        auto s = hold_at(milliseconds{0}, 1.0);
        CHECK((s.press == 1 && s.pressing && s.remaining == seconds{10} && !s.done));
        s = hold_at(milliseconds{9'500}, 1.0);
        CHECK((s.press == 1 && s.pressing && s.remaining == milliseconds{500}));
        s = hold_at(seconds{10}, 1.0);
        CHECK((s.press == 1 && !s.pressing && s.remaining == seconds{10}));
        s = hold_at(seconds{25}, 1.0);
        CHECK((s.press == 2 && s.pressing && s.remaining == seconds{5}));
        s = hold_at(seconds{49}, 1.0);
        CHECK((s.press == 3 && s.pressing && s.remaining == seconds{1}));
        CHECK(hold_at(seconds{50}, 1.0).done);
        CHECK(hold_at(hours{1}, 1.0).done);
    }

    TEST_CASE("pace scales every phase") {
        CHECK(hold_length(0.1) == seconds{5});
        const auto s = hold_at(milliseconds{1'500}, 0.1); // press 1 s, rest 1 s
        CHECK((s.press == 1 && !s.pressing && s.remaining == milliseconds{500}));
        CHECK(scaled(k_rest, 0.5) == seconds{60});
    }

    TEST_CASE("the standard routine's steps") {
        const Walk w(standard(), catalog(), {});
        using K = StepKind;
        CHECK(kinds(w) == std::vector<K>{K::prepare, K::oils, K::massage, K::point, K::point,
                                         K::point, K::point, K::point, K::rest, K::massage,
                                         K::point, K::point, K::point, K::rest, K::again, K::before,
                                         K::after});
    }

    TEST_CASE("another rotation adds the left-foot points, a rest and the question again") {
        Walk w(standard(), catalog(), {});
        while (w.step().kind != StepKind::again) {
            w.next();
        }
        const auto before = w.total();
        w.another_rotation();
        w.another_rotation(); // twice at the same step adds nothing more
        CHECK(w.total() == before + 7);
        CHECK(w.rotations() == 2);
        w.next();
        CHECK(w.step().kind == StepKind::point);
        CHECK(w.step().point == "left.heart");
        CHECK(w.step().rotation == 2);
        CHECK(w.step().point_count == 5);
    }

    TEST_CASE("a trial night's planned rotations are whole ones: standard x2 is two") {
        Walk w(standard(), catalog(), {});
        w.plan_rotations(2);
        while (w.step().kind != StepKind::again) {
            w.next();
        }
        w.another_rotation();
        w.next();
        CHECK(w.step().point == "left.heart");
        CHECK(w.step().point_count == 8); // all eight points, not the left foot only
        while (w.step().kind != StepKind::before) {
            w.next();
        }
        const auto s = w.session(false);
        CHECK(s.rounds == 2);
        CHECK(s.tags.empty());
    }

    TEST_CASE("a trial night's planned rotations count in the steps from the first") {
        Walk plain(standard(), catalog(), {});
        Walk w(standard(), catalog(), {});
        w.plan_rotations(2);
        // Both feet again: a step per foot, eight points, the rest and the question.
        CHECK(w.total() == plain.total() + 11);
        CHECK(w.rotations() == 1);
        while (w.step().kind != StepKind::again) {
            w.next();
        }
        CHECK(w.session(true).rounds == 1); // stopped here: one rotation done
        w.another_rotation();
        CHECK(w.total() == plain.total() + 11); // nothing added twice
        CHECK(w.rotations() == 2);
        w.next();
        CHECK(w.step().rotation == 2);
    }

    TEST_CASE("a right-foot routine repeats all its points, as a whole rotation") {
        Routine right;
        right.code = "right-only";
        right.points = {"right.ball", "right.sciatic", "right.foot"};
        Walk w(right, catalog(), {});
        while (w.step().kind != StepKind::again) {
            w.next();
        }
        CHECK(w.repeat_label() == "all the points");
        w.another_rotation();
        w.next();
        CHECK(w.step().kind == StepKind::point);
        CHECK(w.step().point == "right.ball");
        CHECK(w.step().rotation == 2);
        CHECK(w.step().point_count == 3);
        while (w.step().kind != StepKind::before) {
            w.next();
        }
        CHECK(w.step().rotation == 2); // the header does not fall back to rotation 1
        const auto s = w.session(false);
        CHECK(s.rounds == 2);
        CHECK(s.tags.empty());
    }

    TEST_CASE("a left-foot second pass is stored as such, not as two rotations") {
        Walk w(standard(), catalog(), {});
        CHECK(w.repeat_label() == "the left-foot points");
        for (int extra = 0; extra < 2; ++extra) {
            while (w.step().kind != StepKind::again || w.step().rotation != extra + 1) {
                w.next();
            }
            w.another_rotation();
        }
        const auto s = w.session(false);
        CHECK(s.rounds == 1);
        CHECK(s.tags == std::vector<std::string>{"left-again-x2"});
    }

    TEST_CASE("later rotations ask tenderness only where there is no answer yet") {
        Walk w(standard(), catalog(), {});
        while (!w.finished()) {
            const auto& s = w.step();
            if (s.kind == StepKind::point && s.rotation == 1) {
                CHECK(w.wants_tenderness());
                w.set_tenderness(s.point == "left.foot" ? std::nullopt : std::optional<int>(5));
            } else if (s.kind == StepKind::point) {
                CHECK(w.wants_tenderness() == (s.point == "left.foot"));
            } else if (s.kind == StepKind::again && s.rotation == 1) {
                w.another_rotation();
            }
            w.next();
        }
    }

    TEST_CASE("answers become the session: first tenderness wins, later rotations fill gaps") {
        Walk w(standard(), catalog(), {{"lavender", 2}});
        CHECK_FALSE(w.massage_done());
        while (!w.finished()) {
            const auto& s = w.step();
            if (s.kind == StepKind::point && s.rotation == 1) {
                if (s.point == "left.heart") {
                    w.set_tenderness(7);
                } else if (s.point == "left.foot") {
                    w.set_tenderness(std::nullopt); // skipped
                } else {
                    w.set_tenderness(3);
                }
            } else if (s.kind == StepKind::point && s.rotation == 2) {
                w.set_tenderness(s.point == "left.heart" ? 4 : 1);
            } else if (s.kind == StepKind::again && s.rotation == 1) {
                w.another_rotation();
            } else if (s.kind == StepKind::before) {
                w.set_before(8);
            } else if (s.kind == StepKind::after) {
                w.set_after(3);
            }
            w.next();
        }
        const auto session = w.session(false);
        CHECK(session.rounds == 1);
        CHECK(session.tags == std::vector<std::string>{"left-again"});
        CHECK_FALSE(session.partial);
        REQUIRE(session.points.size() == 8);
        CHECK(session.points[0].point == "left.heart");
        CHECK(session.points[0].tenderness == 7); // not the second rotation's 4
        CHECK(session.points[4].point == "left.foot");
        CHECK(session.points[4].tenderness == 1); // skipped first, given in rotation 2
        CHECK(session.before == 8);
        CHECK(session.after == 3);
        CHECK(session.oils.size() == 1);
    }

    TEST_CASE("stopped at the first point, no massage was done") {
        Walk w(standard(), catalog(), {{"lavender", 2}});
        while (w.step().kind != StepKind::point) {
            w.next();
        }
        w.set_oils({{"lavender", 3}});
        CHECK_FALSE(w.massage_done()); // at the first point, with oils chosen
        w.set_tenderness(std::nullopt);
        CHECK_FALSE(w.massage_done()); // skipped, not yet left
        w.next();
        CHECK(w.massage_done()); // the first point was gone through
        w.back();
        CHECK(w.massage_done()); // and going back does not undo it
        Walk answered(standard(), catalog(), {});
        while (answered.step().kind != StepKind::point) {
            answered.next();
        }
        answered.set_tenderness(4);
        CHECK(answered.massage_done());
    }

    TEST_CASE("back never goes before the first step, and a partial session says so") {
        Walk w(standard(), catalog(), {});
        w.back();
        CHECK(w.position() == 0);
        w.next();
        w.next();
        w.next();
        w.set_tenderness(5);
        w.back();
        CHECK(w.step().kind == StepKind::massage);
        CHECK(w.massage_done());
        const auto partial = w.session(true);
        CHECK(partial.partial);
        CHECK(partial.points.size() == 1);
        CHECK(partial.rounds == 1);
    }

    TEST_CASE("a left-only routine has no rest between feet") {
        Routine left = standard();
        left.points.resize(5);
        const Walk w(left, catalog(), {});
        const auto k = kinds(w);
        CHECK(std::count(k.begin(), k.end(), StepKind::rest) == 1);
        CHECK(std::count(k.begin(), k.end(), StepKind::massage) == 1);
    }
}
