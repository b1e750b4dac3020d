from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class IndexPage(QWidget):
    def __init__(self, session, window):
        super().__init__()
        QVBoxLayout(self).addWidget(QLabel("TODO"))
