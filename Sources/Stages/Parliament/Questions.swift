public import Pipeline

/// A numbered question of a set of written questions ("Vraag 3").
public struct Question: Hashable, Sendable {
    /// The question's number in its set.
    public var number: Int
    /// The question's text, without its heading.
    public var span: Span
    /// The heading that introduces it ("Vraag 3"), when there is one.
    public var heading: Span?

    /// Creates a question.
    public init(number: Int, span: Span, heading: Span? = nil) {
        self.number = number
        self.span = span
        self.heading = heading
    }
}

/// An answer to one or more questions of a set ("Antwoord vragen 2 en 3").
public struct Answer: Hashable, Sendable {
    /// The numbers of the questions it answers.
    public var questionNumbers: [Int]
    /// The answer's text, without its heading.
    public var span: Span
    /// The heading that introduces it ("Antwoord vragen 8, 9 en 10"), when there is one.
    public var heading: Span?

    /// Creates an answer.
    public init(questionNumbers: [Int], span: Span, heading: Span? = nil) {
        self.questionNumbers = questionNumbers
        self.span = span
        self.heading = heading
    }
}

/// Written questions and their answers, as a document holds them, with who asked and who answered.
public struct QuestionSet: Hashable, Sendable {
    /// The questions, in document order.
    public var questions: [Question]
    /// The answers, in document order.
    public var answers: [Answer]
    /// The people who asked the questions.
    public var askedBy: [IRI]
    /// Whom the questions were addressed to (offices or people).
    public var addressedTo: [IRI]
    /// When the questions were submitted.
    public var submitted: Literal?
    /// Who answered (people, or the office when no person is named).
    public var answeredBy: [IRI]
    /// When the answers were received.
    public var answered: Literal?
    /// The case number of the questions ("2024Z01911"), when the document gives it.
    ///
    /// The questions of a case are the same questions in every document about it (the questions
    /// as asked, the answers that repeat them, a notice that the answers will be late), so the
    /// graph names them by the case number rather than by the document.
    public var caseNumber: String?
    /// When the document said that the answers would be late (a notice of postponement).
    public var postponed: Literal?

    /// Creates a question set.
    public init(
        questions: [Question] = [],
        answers: [Answer] = [],
        askedBy: [IRI] = [],
        addressedTo: [IRI] = [],
        submitted: Literal? = nil,
        answeredBy: [IRI] = [],
        answered: Literal? = nil,
        caseNumber: String? = nil,
        postponed: Literal? = nil
    ) {
        self.questions = questions
        self.answers = answers
        self.askedBy = askedBy
        self.addressedTo = addressedTo
        self.submitted = submitted
        self.answeredBy = answeredBy
        self.answered = answered
        self.caseNumber = caseNumber
        self.postponed = postponed
    }
}

/// The layer of written questions and answers.
public enum ParliamentaryQuestions: AnnotationLayer {
    public typealias Value = QuestionSet
    public static let key = AnnotationKey("questions", for: ParliamentaryQuestions.self)
}
