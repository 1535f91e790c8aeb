package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timestamp formats real exports use, and the impossible or unparseable ones that must be rejected. */
class TimestampsTest {
    // 2018-10-10T20:19:24Z = 1539202764 (date -u -d 2018-10-10T20:19:24Z +%s); it was a Wednesday
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Wed Oct 10 20:19:24 +0000 2018|1539202764000",          // Twitter v1.1
        "Wed Oct 10 22:19:24 +0200 2018|1539202764000",          // Twitter v1.1 with an offset
        "2018-10-10T20:19:24Z|1539202764000",                    // ISO with zone
        "2018-10-10T20:19:24.123Z|1539202764123",                // ISO with millis (v2, Bluesky, Mastodon)
        "2018-10-10T22:19:24+02:00|1539202764000",               // ISO with offset
        "2018-10-10T20:19:24|1539202764000",                     // ISO without zone: UTC (Telegram)
        "2018-10-10 20:19:24|1539202764000",                     // ISO with a space
        "2018-10-10 20:19|1539202740000",                        // Twitter IO release tweet_time (no seconds: 20:19:00)
        "2018-10-10 20:19:24 UTC|1539202764000",
        "2018-10-10 20:19:24+00:00|1539202764000",
        "1539202764|1539202764000",                              // epoch seconds (CooRTweet)
        "1539202764123|1539202764123",                           // epoch milliseconds (timestamp_ms)
        "1539202764.5|1539202764500",                            // fractional seconds (toolkit)
        "10/10/2018 20:19|1539202740000",                        // IRA publish_date (20:19:00)
        "10/10/2018 20:19:24|1539202764000",
        "'Wed, 10 Oct 2018 20:19:24 GMT'|1539202764000",         // RFC 1123
        "2018-10-10|1539129600000",                              // a bare date: midnight UTC
    })
    void realFormats(String text, long expected) {
        assertEquals(expected, Timestamps.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2017-02-30T00:00:00Z|unparseable or impossible timestamp '2017-02-30T00:00:00Z'",
        "2017-02-30 12:00|unparseable or impossible timestamp '2017-02-30 12:00'",
        "2/30/2017 12:00|unparseable or impossible timestamp '2/30/2017 12:00'",
        "Thu Oct 10 20:19:24 +0000 2018|unparseable or impossible timestamp 'Thu Oct 10 20:19:24 +0000 2018'",  // wrong weekday
        "1970-01-01T00:00:00Z|impossible timestamp '1970-01-01T00:00:00Z' (before 1990)",
        "0|impossible timestamp '0' (read as Unix seconds: 1970-01-01, before 1990)",
        // issue 11: year 10000 in seconds is taken as milliseconds by magnitude; the message says both readings
        "253402300800|impossible timestamp '253402300800' (read as Unix milliseconds: 1978-01-11, before 1990; as seconds it would be year 10000, in the future)",
        "10000-01-01T00:00:00Z|impossible timestamp '10000-01-01T00:00:00Z' (year 10000, in the future)",
        "2999-01-01T00:00:00Z|impossible timestamp '2999-01-01T00:00:00Z' (in the future)",
        "99999999999999|impossible timestamp '99999999999999' (read as Unix milliseconds: 5138-11-16, in the future; as seconds it would be year 3170843, in the future)",
        "yesterday|unparseable timestamp 'yesterday'",
        "2018-10-10T25:00:00Z|unparseable or impossible timestamp '2018-10-10T25:00:00Z'",
        "NaN|unparseable timestamp 'NaN'",
        "1e400|impossible timestamp '1e400'",
    })
    void impossibleAndUnparseable(String text, String reason) {
        assertEquals(reason, assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(text)).getMessage());
    }

    // integers of at most 15 digits take a fast path that must agree with the double arithmetic
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1493942400|1493942400000",           // seconds: 2017-05-05T00:00:00Z
        "0001493942400|1493942400000",        // leading zeros
        "99999999999|99999999999000",         // the largest seconds value (below 1e11)
        "100000000000|100000000000",          // 1e11 and up: milliseconds
        "1493942400123|1493942400123",
        "999999999999999|999999999999999",    // 15 digits, the longest fast path
        "1000000000000000|1000000000000000",  // 16 digits: the general path
        "-0|0",
        "-5|-5000",
        "-100000000000|-100000000000",
        "1493942400.0|1493942400000",         // not a plain integer: the general path
    })
    void integerFastPathAgreesWithDoubles(String text, long expected) {
        assertEquals(expected, Timestamps.fromNumber(text));
        double v = Double.parseDouble(text);
        assertEquals(Math.abs(v) >= 1e11 ? Math.round(v) : Math.round(v * 1000.0), Timestamps.fromNumber(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1493942400|1493942400",
        "-12|-12",
        "007|7",
        "999999999999999|999999999999999",
        "1000000000000000|" + Long.MIN_VALUE, // 16 digits
        "-|" + Long.MIN_VALUE,
        "''|" + Long.MIN_VALUE,
        "12.5|" + Long.MIN_VALUE,
        "+12|" + Long.MIN_VALUE,
        "1e5|" + Long.MIN_VALUE,
        "--1|" + Long.MIN_VALUE,
    })
    void plainIntegers(String text, long expected) {
        assertEquals(expected, Timestamps.plainInteger(text));
    }
}
