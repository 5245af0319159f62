-- wrk script for bench/beacon.sh: every request is one beacon page view of the benchmark article, from a
-- desktop browser (a request without a user agent would be classed as a robot and only counted as dropped).
wrk.method = "POST"
wrk.path = "/api/analytics/events"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
wrk.body = string.format('{"type":"pageview","url":"%s","referrer":"https://www.google.com/","screenWidth":1280}',
    os.getenv("BEACON_URL"))

-- accepted = answers with a 2xx/3xx status (wrk counts any other status in errors.status); only those are beacons
-- the service took, so only those must show up in the article's totals.
done = function(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local accepted = summary.requests - summary.errors.status
    io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.0f accepted=%d acceptedPerS=%.0f non2xx=%d socketErrors=%d p50ms=%.2f p99ms=%.2f\n",
        summary.requests, seconds, summary.requests / seconds, accepted, accepted / seconds, summary.errors.status,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
