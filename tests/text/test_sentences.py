from marsad.text.sentences import split_sentences


def spans(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_basic_terminators():
    t = "قتل ثلاثة جنود. هل انتهت المعارك؟ نعم! وقال؛ ثم مضى…\nانتهى"
    assert spans(t) == ["قتل ثلاثة جنود.", "هل انتهت المعارك؟", "نعم!", "وقال؛", "ثم مضى…", "انتهى"]


def test_ellipsis_inside_a_line_and_mark_before_comma():
    t = "ومن ثم الرعاية... الخ. فإجازة الأمومة تختلف!!، مع العلم بأن"
    assert spans(t) == ["ومن ثم الرعاية... الخ.", "فإجازة الأمومة تختلف!!، مع العلم بأن"]


def test_comma_never_splits():
    t = "وصل الوفد، وبدأت المحادثات، ثم انتهت."
    assert spans(t) == [t]


def test_numbers_and_dotted_dates():
    t = "ارتفع المؤشر 3.5 نقطة في 21.10.2025 بعد الظهر. ثم تراجع."
    assert spans(t) == ["ارتفع المؤشر 3.5 نقطة في 21.10.2025 بعد الظهر.", "ثم تراجع."]


def test_quotes_attach_to_sentence():
    t = "قال المتحدث «الوضع تحت السيطرة.» وأضاف: “لا خسائر.” انتهى \"البيان\"."
    assert spans(t) == ["قال المتحدث «الوضع تحت السيطرة.»", "وأضاف: “لا خسائر.”", "انتهى \"البيان\"."]


def test_headline_and_paragraphs():
    t = "اشتباكات عنيفة في ريف إدلب\n\nقتل خمسة مسلحين. وأصيب آخرون\nعنوان آخر"
    assert spans(t) == ["اشتباكات عنيفة في ريف إدلب", "قتل خمسة مسلحين.", "وأصيب آخرون", "عنوان آخر"]


def test_abbreviations_and_urls():
    t = "قال د. محمد إن موقع www.example.com نشر الخبر. وأكد أ.ف.ب ذلك."
    assert spans(t) == ["قال د. محمد إن موقع www.example.com نشر الخبر.", "وأكد أ.ف.ب ذلك."]


def test_glued_sentences_and_repeated_marks():
    t = "انتهى الأمر.وقال آخر؟! ثم... ماذا في إس.بي أنجل"
    assert spans(t) == ["انتهى الأمر.", "وقال آخر؟!", "ثم... ماذا في إس.بي أنجل"]


def test_offsets_point_into_text():
    t = "  أولا.   ثانيا.  "
    ss = split_sentences(t)
    assert [(s.start, s.end) for s in ss] == [(2, 7), (10, 16)]
