from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ExportPage(QWidget):
    def __init__(self, session, window):
        super().__init__()
        QVBoxLayout(self).addWidget(QLabel("TODO"))
