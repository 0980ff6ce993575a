import ArgumentParser
import Foundation
import Pipeline
import Stages
import Synchronization

/// One run of the pipeline over inputs into outputs: what `run` and `pipe` share.
///
/// Streams failures to standard error as they happen (one line each), shows progress, keeps the
/// journal of a resumable run, writes the report, and sets the exit status: 0 when every
/// document went through, 2 when some failed, 1 for fatal errors.
struct RunSession {
    let options: PipelineOptions
    let inputs: [String]
    let include: [String]
    let exclude: [String]
    var output: String?
    var format: RDFFormat = .nQuads
    var push: String?
    var report: String?
    var resume = false
    /// How long one request to the store may take, in seconds.
    var pushTimeout: Double = 30

    init(options: PipelineOptions, inputs: [String], include: [String], exclude: [String]) {
        self.options = options
        self.inputs = inputs
        self.include = include
        self.exclude = exclude
    }

    func execute() async throws {
        let display = ProgressDisplay(quiet: options.quiet || output == "-")
        // From the start: a signal while the gazetteer and model load stops the run as cleanly.
        StopSignal.shared.install { display.print("textgraph: " + $0) }
        var summary: RunSummary
        var skippedFailures: [DocumentFailure] = []
        var skipped = 0
        // The failures so far, for the report of a run that a fatal error stops.
        let seen = Mutex<[DocumentFailure]>([])
        do {
            let pipeline = try makePipeline()
            let sources = try options.corpus(inputs, include: include, exclude: exclude)

            let (writer, openedJournal, resuming) = try openOutput(
                display: display, skipped: &skipped, skippedFailures: &skippedFailures)
            var journal = openedJournal
            let store = try push.map {
                try GraphStoreSink(endpoint: $0, timeout: pushTimeout, sendsSharedEagerly: resume)
            }
            display.countInBackground(inputs, include: include, exclude: exclude)
            display.skipping(skipped)

            let expected = journal.map { $0.entries.map(\.documentID) } ?? []
            let remaining = SkippingSequence(sources, skipping: resuming ? expected : [])
            let runner = PipelineRunner(
                configuration: .init(jobs: options.jobCount, memoryBudget: options.memoryBudget))
            summary = try await runner.run(remaining, through: pipeline) { fragment in
                try writer?.write(fragment)
                try await store?.write(fragment)
            } completed: { item, progress in
                // One line per problem, whatever the reason holds (a file name with a line break).
                if let failure = item.failure {
                    display.print("textgraph: error: " + failure.description.oneLine)
                    seen.withLock { $0.append(failure) }
                }
                if !options.quiet {
                    for warning in item.warnings { display.print("textgraph: warning: " + warning.description.oneLine) }
                }
                if journal != nil, let writer {
                    try journal?.record(
                        index: skipped + item.index, failure: item.failure, documentID: item.documentID,
                        sizes: try writer.checkpoint())
                }
                display.update(progress)
            }
            if let problem = remaining.mismatch.message.withLock({ $0 }) {
                throw StageError(.output, "cannot resume: \(problem); run without --resume to start again")
            }
            if StopSignal.shared.signal != nil {
                // Stopped: the output is incomplete, so it keeps its temporary name (a resumable
                // run's journal and FILE.partial stay for --resume).
                try await store?.finish()
                throw StopSignal.Stopped(summary: summary, skipped: skipped, failures: skippedFailures)
            }
            try writer?.finish()
            try await store?.finish()
            journal?.remove()
        } catch let stop as StopSignal.Stopped {
            throw stopped(stop, display: display)
        } catch let error as StageError {
            throw fatal(error.message, display: display, failures: skippedFailures + seen.withLock { $0 })
        } catch let error as PipelineError {
            throw fatal(error.description, display: display, failures: skippedFailures + seen.withLock { $0 })
        }
        display.clear()
        summary.failures = skippedFailures + summary.failures
        summary.documents += skipped
        summary.succeeded += skipped - skippedFailures.count
        if !options.quiet { printSummary(summary, skipped: skipped) }
        if let report { try RunReport(summary: summary, output: output ?? push ?? "").write(to: report) }
        if !summary.isClean { throw ExitCode(2) }
    }

    /// The pipeline for the formats the run writes and pushes; a graph too large for memory
    /// waits beside the output (on the same disk), else in $TMPDIR.
    private func makePipeline() throws -> Pipeline<SourceDocument, EncodedFragment> {
        var formats: Set<RDFFormat> = []
        if output != nil { formats.insert(format) }
        if push != nil { formats.insert(.nTriples) }
        let besideOutput = output.flatMap {
            $0 == "-" ? nil : URL(fileURLWithPath: $0).deletingLastPathComponent().path
        }
        return try options.pipeline(formats: formats, temporaryDirectory: besideOutput)
    }

    /// Says where a signal stopped the run, writes the report, and gives the exit code
    /// (128 + the signal).
    private func stopped(_ stop: StopSignal.Stopped, display: ProgressDisplay) -> ExitCode {
        display.clear()
        let done = stop.skipped + stop.summary.documents
        let resumable = resume && output != nil && output != "-"
        Console.error(
            "stopped by \(StopSignal.shared.signalName) after \(done) documents"
                + (resumable ? "; --resume goes on from here" : "; nothing was written"))
        writeReport(
            afterFatal: "stopped by \(StopSignal.shared.signalName)",
            failures: stop.failures + stop.summary.failures)
        return ExitCode(128 + (StopSignal.shared.signal ?? SIGINT))
    }

    /// The closing line: documents, time, speed and where the graph went.
    private func printSummary(_ summary: RunSummary, skipped: Int) {
        let seconds = Double(summary.elapsed.components.seconds) + Double(summary.elapsed.components.attoseconds) / 1e18
        let megabytes = Double(summary.bytes) / 1_000_000
        let destinations = [output == "-" ? "standard output" : output, push].compactMap { $0 }.joined(
            separator: " and ")
        var line = "\(summary) in \(String(format: "%.2f", seconds)) s (\(String(format: "%.1f", megabytes)) MB, "
        line += "\(String(format: "%.1f", megabytes / max(seconds, 0.001))) MB/s)"
        if skipped > 0 { line += "; \(skipped) taken from the interrupted run" }
        Console.info(line + "; wrote \(destinations)")
    }

    /// Opens the output (`FILE.partial`, or standard output) and, for `--resume`, the journal beside
    /// it: an interrupted run's output is cut back to its last complete document, and the
    /// documents written before are counted in `skipped` (their failures in `skippedFailures`).
    private func openOutput(
        display: ProgressDisplay,
        skipped: inout Int,
        skippedFailures: inout [DocumentFailure]
    ) throws -> (writer: RDFWriter?, journal: RunJournal?, resuming: Bool) {
        var journal: RunJournal? = nil
        var resuming = false
        if resume, let output, output != "-" {
            var candidate = RunJournal(output: output, fingerprint: fingerprint)
            resuming = try candidate.load() && FileManager.default.fileExists(atPath: output + ".partial")
            journal = candidate
        }
        let writer = try output.map { try RDFWriter(path: $0, format: format, resuming: resuming) }
        // A resumable run never deletes its progress: the next --resume goes on from it.
        writer?.keepsPartialOnFailure = resume
        if resuming, var existing = journal, let writer {
            let sizes = existing.resumeSizes
            try writer.truncate(output: sizes.output, shared: sizes.shared)
            try existing.reopen()
            skipped = existing.entries.count
            skippedFailures = existing.entries.compactMap(\.failure)
            journal = existing
            if !options.quiet {
                display.print("textgraph: resuming: \(skipped) documents were written before; going on")
            }
        } else if var fresh = journal, let writer {
            try fresh.start(baseSizes: try writer.checkpoint())
            journal = fresh
        }
        return (writer, journal, resuming)
    }

    /// Says a fatal error on one line, writes the report with it, and gives the exit status 1.
    private func fatal(_ message: String, display: ProgressDisplay, failures: [DocumentFailure]) -> ExitCode {
        display.clear()
        Console.error(message)
        writeReport(afterFatal: message, failures: failures)
        return ExitCode(1)
    }

    /// The report of a run that stopped on a fatal error: the failures so far and the reason,
    /// so that `--report` is written whatever happens.
    private func writeReport(afterFatal reason: String, failures: [DocumentFailure]) {
        guard let report else { return }
        var summary = RunSummary()
        summary.failures = failures
        var written = RunReport(summary: summary, output: output ?? push ?? "")
        written.fatal = reason
        do { try written.write(to: report) } catch {
            Console.error("cannot write the report \(report): \(error.localizedDescription)")
        }
    }

    /// What identifies the same run: inputs, filters, output format and the pipeline's options.
    var fingerprint: String {
        let text =
            ([
                inputs.joined(separator: ","), include.joined(separator: ","), exclude.joined(separator: ","),
                format.rawValue, options.fingerprint,
            ])
            .joined(separator: "|")
        return GraphBuilder.stableHash(text)
    }
}
