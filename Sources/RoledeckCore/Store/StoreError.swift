import Foundation

/// Everything that can go wrong reading or writing the progress folder.
public enum StoreError: Error, Equatable, Sendable, LocalizedError {
    /// Another process holds the progress lock; `pid` is the one it wrote, if readable.
    case locked(path: String, pid: Int32?)
    /// A file cannot be read as the format it should have; `position` or `field` say where.
    case damaged(file: String, position: FilePosition?, field: String?, reason: String)
    /// A file was written by a newer roledeck; it is left exactly as it is.
    case newerSchema(file: String, found: Int, supported: Int)
    /// The store was opened read-only and something tried to write.
    case readOnly(path: String)
    /// A system call failed; `code` is the errno.
    case io(path: String, operation: Operation, code: Int32)
    /// A value could not be saved because it could not be read back; nothing was written.
    case unwritable(file: String, field: String, value: String, expected: String)
    /// The review log holds fewer bytes than `cards.json` says it includes (or none at all): it was
    /// cut, deleted or replaced by an older copy. Nothing is written until the learner decides.
    case logShorterThanCheckpoint(log: String, logBytes: Int?, checkpointBytes: Int)
    /// An earlier save failed, so this session saves nothing more.
    case sessionStopped(reason: String)

    /// One sentence a learner can act on.
    public var errorDescription: String? {
        switch self {
        case .locked(let path, let pid):
            let holder = pid.map { "프로세스 \($0)" } ?? "다른 프로세스"
            return "진행 기록 폴더를 \(holder)에서 쓰고 있습니다 (잠금 파일 \(path)). "
                + "다른 roledeck 세션을 닫고 다시 하세요."
        case .damaged(let file, let position, let field, let reason):
            var place = file
            if let position { place += ":\(position.line):\(position.column)" }
            if let field { place += " (\(field))" }
            let advice =
                file.hasSuffix(CardsFile.fileName)
                ? " 파일은 그대로 두었고, `roledeck doctor`가 복습 기록에서 카드 상태를 다시 만듭니다."
                : " 파일은 그대로 두었습니다."
            return "\(place): 읽을 수 없습니다 (\(reason)).\(advice)"
        case .newerSchema(let file, let found, let supported):
            return "\(file)의 schema version이 \(found)인데 이 roledeck은 \(supported)까지 읽습니다. "
                + "파일은 그대로 두었습니다: roledeck을 업데이트하세요."
        case .readOnly(let path):
            return "진행 기록 폴더 \(Particle.object.attach(to: path)) 읽기 전용으로 열어서 아무것도 저장할 수 없습니다."
        case .io(let path, let operation, let code):
            return "\(path): \(operation.failure) (\(Self.reason(code)))."
        case .unwritable(let file, let field, let value, let expected):
            return "\(file)에 저장할 수 없습니다: \(field)의 값이 \(Particle.subject.attach(to: value)) 되는데, 다시 읽으려면 "
                + "\(Particle.mustBe.attach(to: expected)) 합니다. "
                + "아무것도 쓰지 않았습니다."
        case .logShorterThanCheckpoint(let log, let logBytes, let checkpointBytes):
            let found = logBytes.map { "\($0)바이트뿐인데" } ?? "없는데"
            return
                "\(logBytes == nil ? Particle.subject.attach(to: log) : Particle.topic.attach(to: log)) \(found) cards.json은 그중 \(checkpointBytes)바이트를 담고 있습니다: "
                + "복습 기록이 체크포인트보다 짧습니다 (잘렸거나 지워졌거나 옛 사본으로 바뀜). 아무것도 바꾸지 않았습니다. "
                + "백업에서 복습 기록을 되돌리거나, `roledeck doctor`로 할 수 있는 일을 보세요."
        case .sessionStopped(let reason):
            return "앞선 실패 뒤로는 이 세션에서 더 저장하지 않습니다: \(reason)"
        }
    }
}

extension StoreError {
    /// The file operations the store makes, each named by what failing at it means.
    public enum Operation: String, CaseIterable, Equatable, Sendable {
        case createFolder, fsync, keepCopy, lock, open, read, rename, seek, stat, write

        /// What could not be done: `열 수 없습니다`.
        public var failure: String {
            switch self {
            case .createFolder: "폴더를 만들 수 없습니다"
            case .fsync: "디스크에 확정(fsync)할 수 없습니다"
            case .keepCopy: "사본을 둘 수 없습니다"
            case .lock: "잠글 수 없습니다"
            case .open: "열 수 없습니다"
            case .read: "읽을 수 없습니다"
            case .rename: "바꿔 놓을 수 없습니다"
            case .seek: "위치를 옮길 수 없습니다"
            case .stat: "파일 정보를 읽을 수 없습니다"
            case .write: "쓸 수 없습니다"
            }
        }
    }

    /// Why, in Korean for the errors a learner meets, else the system's own words.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "디스크 공간이 없습니다"
        case EACCES, EPERM: "권한이 없습니다"
        case EROFS: "읽기 전용 파일 시스템입니다"
        case ENOENT: "파일이나 폴더가 없습니다"
        case EFBIG: "파일이 너무 큽니다"
        case EIO: "입출력 오류"
        case ENOTDIR: "폴더가 아닙니다"
        default: String(cString: strerror(code))
        }
    }
}
