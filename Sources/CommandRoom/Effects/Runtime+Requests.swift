import Foundation
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import TerminalKit

/// The effects `Update` asks for. Store reads and writes go to the worker with what they need
/// taken from the state now (the day, the month, the words), tagged so a late answer is
/// matched to what it was asked for; the loop goes on at once.
extension DashboardRuntime {
    func perform(_ effects: [AppEffect]) {
        for effect in effects {
            switch effect {
            case .quit: state.quit = true
            case let .loadTheme(path): loadTheme(path)
            case .computeFigures: computeFigures()
            case let .saveHistory(kind, entries): lineHistory?.save(kind, entries)
            case let .export(request): export(request)
            case let .openLower(name): openLower(name)
            default: request(effect)
            }
        }
    }

    /// Queues a store read or write on the worker.
    func request(_ effect: AppEffect) {
        let loader = loader, store = loader.store, watcher = watcher
        let day = asOf, month = state.requestedMonth, strings = state.strings, realToday = today()
        inFlight += 1
        switch effect {
        case .reload:
            reloadsInFlight += 1
            let n = reloads.next(full: true), reloads = reloads
            worker.run(effect) { post in
                guard !reloads.isStale(n, full: true) else { return }
                do throws(StoreError) {
                    let board = try loader.board(asOf: day, month: month)
                    post(.board(board, reload: n))
                    let data = try loader.complete(board)
                    post(.complete(data, reload: n, recovered: !store.takeRecoveries().isEmpty))
                } catch {
                    post(.reloadFailed(error, reload: n))
                }
            }
        case .reloadBoard:
            let n = reloads.next(full: false), reloads = reloads
            worker.run(effect) { post in
                guard !reloads.isStale(n, full: false) else { return }
                do throws(StoreError) {
                    let board = try loader.board(asOf: day, month: month)
                    post(.boardOnly(board, reload: n, recovered: !store.takeRecoveries().isEmpty))
                } catch {
                    post(.reloadFailed(error, reload: n))
                }
            }
        case .completeData:
            guard let data = state.data else { return finishedNow() }
            worker.run(effect) { post in
                do throws(StoreError) { post(.completed(try loader.complete(data), of: data.generation)) } catch { post(.readFailed(error)) }
            }
        case let .loadProject(code):
            worker.run(effect) { post in
                do throws(StoreError) { if let file = try store.loadProjectFile(code) { post(.event(.projectLoaded(file))) } } catch {
                    post(.readFailed(error))
                }
            }
        case let .write(request):
            worker.run(effect, writes: true) { post in
                switch WriteExecution.run(request, store: store, on: day, strings: strings, realToday: realToday) {
                case let .done(message):
                    // Our own commit: read again when its answer comes, not a second time when
                    // the watcher notices it (on the worker, so no poll comes between).
                    do throws(StoreError) { _ = try watcher?.hasChanged() } catch {
                        DashboardLog.logger.notice("the change watch cannot read after our own write: \(error)")
                    }
                    // A grid row saved: the row as stored comes with the answer, so the grid
                    // never shows the value it replaced between the two.
                    if case let .progress(entry, _) = request,
                       let rows = DashboardLog.logging({ try store.progressSheet(month: entry.month, subcommands: nil, projects: [entry.project]) },
                                                       "the saved row is read with the grid's reload instead") {
                        post(.event(.gridRowsLoaded(rows, month: entry.month)))
                    }
                    post(.event(.written(message, request)))
                case let .refused(message, stale):
                    post(.event(.writeRefused(message, stale: stale, request: request)))
                }
            }
        case .prepareUndo:
            worker.run(effect) { post in
                do throws(StoreError) { post(.event(.undoPrepared(WriteExecution.undoSummary(try store.lastUndoable(), roster: store.config.roster, strings: strings)))) } catch {
                    post(.event(.writeRefused(ErrorText(strings: strings).lines(error).joined(separator: " "), stale: false)))
                }
            }
        case let .loadGridRows(codes):
            // For the grid's month now: the answer names it, and lands only on that month.
            guard let grid = state.grid else { return finishedNow() }
            let month = grid.month
            worker.run(effect) { post in
                do throws(StoreError) { post(.event(.gridRowsLoaded(try store.progressSheet(month: month, subcommands: nil, projects: codes), month: month))) } catch {
                    post(.readFailed(error))
                }
            }
        case .loadGrid:
            guard let grid = state.grid else { return finishedNow() }
            let month = grid.month, scope = grid.scope
            worker.run(effect) { post in
                do throws(StoreError) { post(.event(.gridLoaded(try store.progressSheet(month: month, subcommands: scope), month: month))) } catch {
                    post(.readFailed(error))
                }
            }
        case let .loadDecisions(meeting):
            worker.run(effect) { post in
                do throws(StoreError) { post(.event(.decisionsLoaded(meeting: meeting, try store.decisions(meeting: meeting)))) } catch {
                    post(.readFailed(error))
                }
            }
        case let .loadHistory(scope):
            worker.run(effect) { post in
                do throws(StoreError) { post(.event(.historyLoaded(scope, try WriteExecution.history(scope, store: store)))) } catch {
                    post(.readFailed(error))
                }
            }
        case .quit, .loadTheme, .computeFigures, .saveHistory, .export, .openLower:
            finishedNow()
        }
    }

    /// A request that asks nothing of the worker after all.
    private func finishedNow() { inFlight -= 1 }

    /// A theme file (not the store: small, and read on the loop).
    func loadTheme(_ path: String) {
        let url = URL(fileURLWithPath: path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            dispatch(.loadFailed(state.strings.format("error.themeNotFound", ["name": path, "names": BuiltinTheme.allCases.map(\.rawValue).joined(separator: ", ")])))
            return
        }
        do { dispatch(.themeLoaded(try Theme.parse(text, file: path), name: url.deletingPathExtension().lastPathComponent)) } catch {
            dispatch(.loadFailed(error.description))
        }
    }

    /// The overview's figures: seconds at 20,000 projects, worked out on a queue of their own
    /// (reads only: they need not wait behind the worker's writes).
    func computeFigures() {
        guard let data = state.data, data.complete else { return }
        let key = FiguresKey(generation: data.generation, lang: state.options.lang)
        guard figuresInFlight != key else { return }
        figuresInFlight = key
        let strings = state.strings
        let inbox = inbox, store = loader.store
        DispatchQueue.global(qos: .userInitiated).async {
            // The special report names what the month's meetings decided and the
            // projects' 形象进度 (GRDB serialises the reads with the worker's).
            let decisions = DashboardLog.logging({ try store.decisions(in: data.board.month) },
                                                 "the overview's figures go without the month's decisions") ?? []
            let progress = DashboardLog.logging({ try store.progressTexts(in: data.board.month) },
                                                "the overview's figures go without 形象进度") ?? [:]
            var figures = OverviewFigures.build(data, strings: strings, decisions: decisions, progress: progress)
            // The stores one level down, read live from their own schemas.
            figures.levels = DashboardLog.logging({ () throws(StoreError) in try store.lowerRollups(asOf: data.asOf) },
                                                  "the overview goes without the stores one level down") ?? []
            inbox.post(.figuresComputed(figures))
        }
    }
}
