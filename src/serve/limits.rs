//! What keeps one client from holding or flooding the server: requests per address are limited
//! (a token bucket per IP address: `requests_per_second` on average, `burst` at once; beyond,
//! 429), and a request that takes longer than `request_timeout_secs` — a body trickled in
//! slowly — is answered 408 and dropped (the layer is in `routes`).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

/// Addresses tracked at most; beyond, the full buckets are forgotten (they would be full again
/// anyway), so many addresses cannot grow memory.
const MAX_ADDRESSES: usize = 10_000;

/// A token bucket per client address.
#[derive(Debug)]
pub struct RateLimiter {
    per_second: f64,
    burst: f64,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

impl RateLimiter {
    /// `per_second` requests on average, `burst` at once.
    pub fn new(per_second: u32, burst: u32) -> Self {
        RateLimiter {
            per_second: f64::from(per_second.max(1)),
            burst: f64::from(burst.max(1)),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `ip` may make one more request now (and counts it).
    pub fn allow(&self, ip: IpAddr) -> bool {
        let Ok(mut buckets) = self.buckets.lock() else {
            return true;
        };
        let now = Instant::now();
        if buckets.len() >= MAX_ADDRESSES {
            let (rate, burst) = (self.per_second, self.burst);
            buckets.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * rate < burst
            });
        }
        let (tokens, at) = buckets.entry(ip).or_insert((self.burst, now));
        *tokens =
            (*tokens + now.duration_since(*at).as_secs_f64() * self.per_second).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_allowed_then_refused_then_allowed_again() {
        let limiter = RateLimiter::new(1000, 5);
        let ip: IpAddr = [127, 0, 0, 1].into();
        let allowed = (0..10).filter(|_| limiter.allow(ip)).count();
        assert_eq!(allowed, 5);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(limiter.allow(ip), "refilled");
        let other: IpAddr = [10, 0, 0, 2].into();
        assert!(limiter.allow(other), "another address has its own bucket");
    }
}
