//! The lesson's three workloads as step machines: `compute(n)`, `risky_fetch(url)` and compressing a file.

use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};

use super::program::{Cx, Effect, Step};
use super::report::{float_repr, Outcome};
use super::scenario::{Call, Failure, Flavour};
use crate::compute::sum_sqrt;
use crate::params::python_int;

/// Numbers added per step of `compute(n)`: about 20 µs at CPython's pace, far below the switch interval.
const COMPUTE_STEP: u64 = 256;
/// Bytecodes per number of `sum(math.sqrt(i) for i in range(n))` in CPython 3.11: the generator's
/// `FOR_ITER … YIELD_VALUE … JUMP_BACKWARD`, the attribute lookup and the call of `math.sqrt`.
const COMPUTE_BYTECODES_PER_NUMBER: u32 = 11;
/// Bytes compressed per step: one block of the streaming compressor.
const COMPRESS_BLOCK: usize = 64 * 1024;
/// What zlib costs per byte at level 6, for the simulation's clock (about 40 MB/s).
const ZLIB_NS_PER_BYTE: f64 = 25.0;
/// Bytecodes a pure-Python compressor spends per byte, on top of the real compression. A real one
/// would be a hundred times slower than zlib; four bytecodes keep the demo short while holding the GIL.
const PURE_PYTHON_BYTECODES_PER_BYTE: u32 = 4;
/// Bytecodes `requests.get` spends building a request and parsing a response.
const REQUEST_BYTECODES: u32 = 2_000;

impl Call {
    /// The call as the lesson writes it.
    pub fn python(&self) -> String {
        match self {
            Call::Compute { n } => format!("compute({})", python_int(*n)),
            Call::Fetch { url, .. } => format!("risky_fetch({url:?})"),
            Call::Compress { file, flavour: Flavour::Zlib, .. } => format!("zlib.compress(files[{file}])"),
            Call::Compress { file, flavour: Flavour::PurePython, .. } => format!("py_compress(files[{file}])"),
        }
    }

    /// A fresh step machine running this call.
    pub fn program(&self) -> Box<dyn Step> {
        match self.clone() {
            Call::Compute { n } => Box::new(ComputeTask { n, next: 0, sum: 0.0 }),
            Call::Fetch { url, latency_ms, timeout_ms, fail } => {
                Box::new(FetchTask { url, latency_ms, timeout_ms, fail, phase: 0 })
            }
            Call::Compress { file, kb, flavour } => Box::new(CompressTask::new(file, kb, flavour)),
        }
    }
}

/// `compute(n)`, adding `COMPUTE_STEP` square roots per step, for real.
struct ComputeTask {
    n: u64,
    next: u64,
    sum: f64,
}

impl Step for ComputeTask {
    fn step(&mut self, _: &mut dyn Cx) -> Effect {
        if self.next >= self.n {
            return Effect::Return(self.outcome());
        }
        let end = (self.next + COMPUTE_STEP).min(self.n);
        self.sum += sum_sqrt(self.next..end);
        let numbers = (end - self.next) as u32;
        self.next = end;
        Effect::Python { bytecodes: numbers * COMPUTE_BYTECODES_PER_NUMBER, checkpoint: true }
    }
}

impl ComputeTask {
    fn outcome(&self) -> Outcome {
        Outcome::Returned { repr: float_repr(self.sum) }
    }
}

/// `risky_fetch(url)`: build the request, wait for the network without the GIL, parse or raise.
struct FetchTask {
    url: String,
    latency_ms: u32,
    timeout_ms: u32,
    fail: Option<Failure>,
    phase: u8,
}

impl FetchTask {
    fn times_out(&self) -> bool {
        self.fail == Some(Failure::Timeout) || self.latency_ms > self.timeout_ms
    }

    fn outcome(&self) -> Outcome {
        let host = self.url.split("://").nth(1).unwrap_or(&self.url).split('/').next().unwrap_or("");
        if self.times_out() {
            let secs = float_repr(f64::from(self.timeout_ms) / 1000.0);
            let secs = secs.strip_suffix(".0").unwrap_or(&secs);
            return Outcome::raised(
                "Timeout",
                format!("HTTPSConnectionPool(host='{host}', port=443): Read timed out. (read timeout={secs})"),
            );
        }
        if self.fail == Some(Failure::NotFound) {
            return Outcome::raised("HTTPError", format!("404 Client Error: Not Found for url: {}", self.url));
        }
        let name = self.url.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        Outcome::Returned { repr: format!("{{'name': '{name}'}}") }
    }
}

impl Step for FetchTask {
    fn step(&mut self, _: &mut dyn Cx) -> Effect {
        self.phase += 1;
        match self.phase {
            1 => Effect::Python { bytecodes: REQUEST_BYTECODES / 2, checkpoint: true },
            2 => Effect::Io { ms: f64::from(if self.times_out() { self.timeout_ms } else { self.latency_ms }) },
            3 => Effect::Python { bytecodes: REQUEST_BYTECODES / 2, checkpoint: true },
            _ => Effect::Return(self.outcome()),
        }
    }
}

/// Compresses one generated file block by block with a real DEFLATE, counting the compressed bytes.
struct CompressTask {
    file: u32,
    len: usize,
    flavour: Flavour,
    done: usize,
    compressed: usize,
    deflate: Box<CompressorOxide>,
    block: Vec<u8>,
    out: Vec<u8>,
    phase: u8,
}

impl CompressTask {
    fn new(file: u32, kb: u32, flavour: Flavour) -> Self {
        let flags = create_comp_flags_from_zip_params(6, 15, 0);
        Self {
            file,
            len: kb as usize * 1024,
            flavour,
            done: 0,
            compressed: 0,
            deflate: Box::new(CompressorOxide::new(flags)),
            block: Vec::new(),
            out: vec![0; COMPRESS_BLOCK * 2],
            phase: 0,
        }
    }

    /// Compresses the next block (the last one finishes the stream); returns its length.
    fn compress_block(&mut self) -> usize {
        let n = COMPRESS_BLOCK.min(self.len - self.done);
        file_block(self.file, self.done, n, &mut self.block);
        let last = self.done + n == self.len;
        let flush = if last { TDEFLFlush::Finish } else { TDEFLFlush::None };
        let mut input = &self.block[..];
        loop {
            let (status, read, wrote) = compress(&mut self.deflate, input, &mut self.out, flush);
            input = &input[read..];
            self.compressed += wrote;
            let finished = matches!(status, TDEFLStatus::Done) || status as i32 <= 0;
            if (input.is_empty() && !last) || finished {
                break;
            }
        }
        self.done += n;
        n
    }

    fn outcome(&self) -> Outcome {
        Outcome::Returned { repr: self.compressed.to_string() }
    }
}

impl Step for CompressTask {
    fn needs_gil(&self) -> bool {
        // `zlib.compress` wraps deflate in Py_BEGIN_ALLOW_THREADS: only the call itself needs the GIL.
        !(self.flavour == Flavour::Zlib && self.phase == 1 && self.done < self.len)
    }

    fn step(&mut self, _: &mut dyn Cx) -> Effect {
        match self.phase {
            0 => {
                self.phase = 1;
                Effect::Python { bytecodes: 20, checkpoint: true }
            }
            1 if self.done < self.len => {
                let n = self.compress_block();
                match self.flavour {
                    Flavour::Zlib => Effect::C { ns: n as f64 * ZLIB_NS_PER_BYTE },
                    Flavour::PurePython => {
                        Effect::Python { bytecodes: n as u32 * PURE_PYTHON_BYTECODES_PER_BYTE, checkpoint: true }
                    }
                }
            }
            _ => Effect::Return(self.outcome()),
        }
    }
}

/// Block `offset..offset+n` of generated file `file`: English-like words from a seeded generator, so
/// files differ, compress like text (to about a third), and need no memory beyond one block.
pub fn file_block(file: u32, offset: usize, n: usize, out: &mut Vec<u8>) {
    const WORDS: [&str; 16] = [
        "the ", "thread ", "holds ", "a ", "lock ", "while ", "process ", "GIL ", "queue ", "future ", "is ",
        "waiting ", "for ", "I/O ", "and ", "bytes\n",
    ];
    out.clear();
    // Each 4 KiB page is generated from its own seed, so any block is reproducible on its own.
    let page = 4096;
    let first = offset / page;
    let mut p = first;
    while out.len() < n + (offset - first * page) {
        let mut x = (u64::from(file) << 32 | p as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let start = out.len();
        while out.len() - start < page {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let w = WORDS[(x % 16) as usize].as_bytes();
            let room = page - (out.len() - start);
            out.extend_from_slice(&w[..w.len().min(room)]);
        }
        p += 1;
    }
    out.drain(..offset - first * page);
    out.truncate(n);
}
