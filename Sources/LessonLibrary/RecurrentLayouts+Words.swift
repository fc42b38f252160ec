// The words of the other weight layouts (RecurrentLayouts.swift): Keras's arrays, PyTorch's weights
// worked out from them, their gradients, and a cell's keys. «layer» is Keras's layer (SimpleRNN,
// LSTM, GRU), «keras» and «pytorch» the two stackings of the gates (z, r, h and r, z, n), «H» the
// hidden size, «stacked» the rows of a stacked weight ("4·hidden"). Keys ending ", reordered" are
// for the GRU, whose blocks change places.

import TraceCore

let layoutWords = Words(
    captions: [
        "kernel": ("Keras's input weights (kernel)", #"Input number j's row: what it adds to each unit«per column». Keras computes $x_{t} W_{x}$, a row vector times the matrix ($W_{x}$ is kernel, as seed 004's row form writes it)."#),
        "recurrent_kernel": ("Keras's recurrent weights (recurrent_kernel)", #"Unit j of $h_{t-1}$'s row: what it adds to each unit«per column», the same matrix at every step."#),
        "bias": ("Keras's bias", "Added once per step, with the input's part."),
        "bias, two rows": ("Keras's biases", "Row 1 is added with the input's part, row 2 with the state's (reset_after=True), each in Keras's order «keras»."),
        "weight_ih_l0, keras": ("Input weights, as PyTorch holds them", #"kernel transposed: row r of $W_{ih}$ is column r of kernel, so that $W_{ih} x_{t}$ gives the numbers $x_{t} W_{x}$ does."#),
        "weight_ih_l0, keras, reordered": ("Input weights, as PyTorch holds them", #"kernel's column blocks put in PyTorch's order «pytorch», then transposed: the rows of gate r are kernel's columns r, and so on."#),
        "weight_hh_l0, keras": ("Recurrent weights, as PyTorch holds them", #"recurrent_kernel transposed, so that $W_{hh} h_{t-1}$ gives the numbers $h_{t-1} W_{h}$ does."#),
        "weight_hh_l0, keras, reordered": ("Recurrent weights, as PyTorch holds them", #"recurrent_kernel's column blocks put in PyTorch's order «pytorch», then transposed."#),
        "bias_ih_l0, keras": ("Input bias, as PyTorch holds it", "Keras's one bias, as it is."),
        "bias_ih_l0, keras, reordered": ("Input bias, as PyTorch holds it", "Keras's one bias, its blocks in PyTorch's order «pytorch»."),
        "bias_ih_l0, keras, row 1, reordered": ("Input bias, as PyTorch holds it", "Row 1 of Keras's bias, its blocks in PyTorch's order «pytorch»."),
        "bias_hh_l0, keras, row 2, reordered": ("Recurrent bias, as PyTorch holds it", #"Row 2 of Keras's bias, its blocks in PyTorch's order «pytorch»: $b_{hn}$ is the one the reset gate scales."#),
        "bias_hh_l0, keras, one bias": ("Recurrent bias", #"0: Keras's «layer» has one bias, which is $b_{ih}$ here; only the sum $b_{ih} + b_{hh}$ would matter anyway."#),
        "kernel.grad": ("gradient of the kernel", #"kernel is $W_{ih}^{\top}$, so its gradient is $\frac{\partial L}{\partial W_{ih}}$ transposed."#),
        "kernel.grad, reordered": ("gradient of the kernel", #"$\frac{\partial L}{\partial W_{ih}}$ transposed, each gate's block of columns put back in Keras's order «keras»."#),
        "recurrent_kernel.grad": ("gradient of the recurrent kernel", #"recurrent_kernel is $W_{hh}^{\top}$, so its gradient is $\frac{\partial L}{\partial W_{hh}}$ transposed."#),
        "recurrent_kernel.grad, reordered": ("gradient of the recurrent kernel", #"$\frac{\partial L}{\partial W_{hh}}$ transposed, each gate's block of columns put back in Keras's order «keras»."#),
        "bias.grad": ("gradient of the bias", #"bias is $b_{ih}$, so its gradient is $\frac{\partial L}{\partial b_{ih}}$."#),
        "bias.grad, reordered": ("gradient of the bias", #"$\frac{\partial L}{\partial b_{ih}}$, its blocks put back in Keras's order «keras»."#),
        "bias.grad, two rows, reordered": ("gradient of the biases", #"Row 1 is $\frac{\partial L}{\partial b_{ih}}$ and row 2 $\frac{\partial L}{\partial b_{hh}}$, each with its blocks put back in Keras's order «keras»."#),
    ],
    text: [
        "per column, stacked": "; columns stacked by gate in Keras's order, «keras», «H» each",
        "row input bias": "1 · input",
        "row recurrent bias": "2 · recurrent",
        "keras mapping": #"""
            **Keras's weights, as PyTorch holds them.** Keras multiplies row vectors: where PyTorch computes \#
            $W_{ih} x_{t}$ and $W_{hh} h_{t-1}$, Keras's «layer» computes $x_{t} W_{x}$ and \#
            $h_{t-1} W_{h}$. So it stores kernel input × «stacked», the transpose of \#
            PyTorch's $W_{ih}$ («stacked» × input), and recurrent_kernel the transpose of $W_{hh}$. «order» «bias» \#
            PyTorch's weights are worked out from Keras's below, and the steps use them.
            """#,
        "order, same": "Its gates are stacked «keras», PyTorch's «pytorch» under other names, so the blocks keep their places.",
        "order, one block": "A SimpleRNN has one block, so nothing changes place.",
        "order, reordered": #"Its GRU stacks the gates «keras» (h̃ is the candidate, Keras's "h", PyTorch's n) where PyTorch stacks «pytorch», so the blocks change places on the way: below, $W_{x}^{[r]}$ is kernel's block of columns for gate r, and concat sets the blocks side by side."#,
        "bias, one": #"Keras has one bias, added with the input's part: it is $b_{ih}$, and $b_{hh} = 0$."#,
        "bias, one, gru": #"One bias of 3·hidden numbers is Keras's reset_after=False: the reset gate comes before the product, $W_{hn} (r_{t} \odot h_{t-1})$, the rule used here, and the one bias is $b_{ih}$, so $b_{hh} = 0$."#,
        "bias, two rows": #"The bias's two rows are Keras's reset_after=True, the reset gate after the product as in PyTorch: row 1 is $b_{ih}$, row 2 $b_{hh}$."#,
        "bias, none": "No bias was given (Keras's use_bias=False), so both biases are 0.",
        "cell keys": "The weights are given under `nn.«cell»`'s keys (`weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`): the same numbers, shapes and meaning as `nn.«module»`'s `weight_ih_l0`, …, the cell applied once per step.",
    ],
    korean: layoutKorean)
