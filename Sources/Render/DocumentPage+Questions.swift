import Pipeline
import Stages

extension DocumentPage {
    /// The element id of an answer: `a-2-3` answers questions 2 and 3.
    static func answerID(_ answer: Answer) -> String {
        "a-" + answer.questionNumbers.map(String.init).joined(separator: "-")
    }

    /// The questions and answers as lists: each question with its askers and a link to its
    /// answer, each answer with its author and links back to its questions.
    func questions() -> String {
        guard let set = view.questions, !set.questions.isEmpty || !set.answers.isEmpty else { return "" }
        var html =
            "<section aria-labelledby=\"questions-heading\">\n<h2 id=\"questions-heading\">Questions and answers</h2>\n"
        html += questionSetSummary(set)
        if !set.questions.isEmpty {
            html +=
                "<h3 id=\"question-list-heading\">Questions</h3>\n<ol class=\"questions\" aria-labelledby=\"question-list-heading\">\n"
            for question in set.questions { html += questionItem(question, in: set) }
            html += "</ol>\n"
        }
        if !set.answers.isEmpty {
            html +=
                "<h3 id=\"answer-list-heading\">Answers</h3>\n<ol class=\"answers\" aria-labelledby=\"answer-list-heading\">\n"
            for answer in set.answers { html += answerItem(answer, in: set) }
            html += "</ol>\n"
        }
        return html + "</section>\n"
    }

    /// Who asked whom, and when.
    func questionSetSummary(_ set: QuestionSet) -> String {
        var parts: [String] = []
        if !set.askedBy.isEmpty {
            parts.append("Asked by " + PageTemplate.joined(set.askedBy.map { entityLink($0, className: "asker") }))
        }
        if !set.addressedTo.isEmpty {
            parts.append("addressed to " + PageTemplate.joined(set.addressedTo.map { entityLink($0) }))
        }
        if let submitted = set.submitted { parts.append("submitted " + HTMLText.escape(submitted.lexicalForm)) }
        if !set.answeredBy.isEmpty {
            parts.append(
                "answered by " + PageTemplate.joined(set.answeredBy.map { entityLink($0, className: "author") }))
        }
        if let answered = set.answered { parts.append("on " + HTMLText.escape(answered.lexicalForm)) }
        if let caseNumber = set.caseNumber { parts.append("case " + HTMLText.escape(caseNumber)) }
        return parts.isEmpty ? "" : "<p class=\"qset\">" + parts.joined(separator: "; ") + ".</p>\n"
    }

    /// One question: its number, text, askers, and its answer.
    func questionItem(_ question: Question, in set: QuestionSet) -> String {
        var html = "<li id=\"q-\(question.number)\" data-number=\"\(question.number)\">"
        html += "<span class=\"qn\">Question \(question.number)</span> "
        if let sentence = view.sentenceIndex(containing: question.span.start) {
            html += "<a class=\"in-text\" href=\"#s-\(sentence)\">(in the text)</a> "
        }
        html += "<q>\(HTMLText.escape(excerpt(question.span)))</q>"
        if !set.askedBy.isEmpty {
            html +=
                " <span class=\"askers\">Asked by "
                + PageTemplate.joined(set.askedBy.map { entityLink($0, className: "asker") }) + ".</span>"
        }
        if let answer = set.answers.first(where: { $0.questionNumbers.contains(question.number) }) {
            let numbers = PageTemplate.joined(answer.questionNumbers.map(String.init))
            let noun = answer.questionNumbers.count == 1 ? "question" : "questions"
            html += " <a class=\"answer-link\" href=\"#\(Self.answerID(answer))\">Answer (to \(noun) \(numbers))</a>"
        } else {
            html += " <span class=\"unanswered\">No answer in this document.</span>"
        }
        return html + "</li>\n"
    }

    /// One answer: the questions it answers, its author, its text.
    func answerItem(_ answer: Answer, in set: QuestionSet) -> String {
        let asked = Set(set.questions.map(\.number))
        let numbers = answer.questionNumbers.map { asked.contains($0) ? "<a href=\"#q-\($0)\">\($0)</a>" : String($0) }
        let noun = answer.questionNumbers.count == 1 ? "question" : "questions"
        let joinedNumbers = answer.questionNumbers.map(String.init).joined(separator: " ")
        var html = "<li id=\"\(Self.answerID(answer))\" data-questions=\"\(joinedNumbers)\">"
        html += "<span class=\"qn\">Answer to \(noun) \(PageTemplate.joined(numbers))</span>"
        if !set.answeredBy.isEmpty {
            html +=
                " <span class=\"authors\">by "
                + PageTemplate.joined(set.answeredBy.map { entityLink($0, className: "author") }) + "</span>"
        }
        if let sentence = view.sentenceIndex(containing: answer.span.start) {
            html += " <a class=\"in-text\" href=\"#s-\(sentence)\">(in the text)</a>"
        }
        html += " <q>\(HTMLText.escape(excerpt(answer.span)))</q>"
        return html + "</li>\n"
    }
}
