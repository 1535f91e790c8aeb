package org.lockstep.core.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UrlNormalizerTest {
    @Test
    void sameLinkSharedDifferentlyComparesEqual() {
        String canonical = "https://lemonde.fr/politique/article/2017/05/05/macron";
        assertEquals(canonical, UrlNormalizer.normalize("HTTP://WWW.LeMonde.fr:80/politique/article/2017/05/05/macron/"));
        assertEquals(canonical, UrlNormalizer.normalize(
                "https://www.lemonde.fr/politique/article/2017/05/05/macron?utm_source=twitter&utm_medium=social#xtor=RSS"));
        assertEquals(canonical, UrlNormalizer.normalize(canonical + "?fbclid=IwAR0abc&gclid=x"));
    }

    @Test
    void keepsMeaningfulQueryParametersInOrder() {
        assertEquals("https://youtube.com/watch?v=abc&t=10",
                UrlNormalizer.normalize("https://www.youtube.com/watch?v=abc&utm_campaign=x&t=10"));
    }

    @Test
    void nonDefaultPortAndIdnHostsSurvive() {
        assertEquals("https://example.org:8443/a", UrlNormalizer.normalize("https://example.org:8443/a"));
        // xn--e1afmkfd is the punycode of "пример"
        assertEquals("https://xn--e1afmkfd.xn--p1ai", UrlNormalizer.normalize("https://пример.рф/"));
    }

    @Test
    void rejectsWhatIsNotAWebUrl() {
        assertNull(UrlNormalizer.normalize("javascript:alert(1)"));
        assertNull(UrlNormalizer.normalize("mailto:a@b.c"));
        assertNull(UrlNormalizer.normalize("https://exa mple.org/"));
        assertNull(UrlNormalizer.normalize(""));
        assertNull(UrlNormalizer.normalize(null));
    }

    @Test
    void hostDropsCredentialsAndPort() {
        assertEquals("evil.example", UrlNormalizer.host("https://en-marche.fr@evil.example:8080/login"));
    }

    @Test
    void registrableDomainUsesThePublicSuffixListIncludingPrivateEntries() {
        assertEquals("bbc.co.uk", UrlNormalizer.registrableDomain("news.bbc.co.uk"));
        assertEquals("en-marche.fr", UrlNormalizer.registrableDomain("mail.en-marche.fr"));
        // blogspot.com and github.io are in the private section: each blog is its own site
        assertEquals("lemonde.github.io", UrlNormalizer.registrableDomain("x.lemonde.github.io"));
        assertEquals("spiegel.eu.com", UrlNormalizer.registrableDomain("www.spiegel.eu.com"));
        assertEquals("192.168.1.1", UrlNormalizer.registrableDomain("192.168.1.1"));
    }
}
